#include <stdlib.h>

struct buf {
  char *data;
  size_t cap;
};

int buf_reserve(struct buf *b, size_t n) {
  if (n <= b->cap)
    return 1;
  b->data = realloc(b->data, n);
  b->cap = b->data ? n : 0;
  return b->data != NULL;
}
