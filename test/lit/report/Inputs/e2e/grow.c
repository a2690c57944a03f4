#include <stdlib.h>

struct text { char *data; size_t size; };

void grow(struct text *t, size_t n) {
  t->data = realloc(t->data, n);
  t->size = n;
}
