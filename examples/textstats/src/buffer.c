#include <stdlib.h>
#include <string.h>

#include "textstats.h"

int buffer_append(struct buffer *b, const char *text, size_t n) {
  if (b->len + n > b->cap) {
    b->cap = (b->len + n) * 2;
    b->data = realloc(b->data, b->cap);
    if (!b->data)
      return -1;
  }
  memcpy(b->data + b->len, text, n);
  b->len += n;
  return 0;
}
