// A system header that grows a buffer in a loop and fills a vector.
#include <stdlib.h>

static inline char *sys_fill(int count) {
  char *p = 0;
  size_t n = 0;
  for (int i = 0; i < count; i++) {
    p = (char *)realloc(p, n + 1);
    p[n++] = 'x';
  }
  return p;
}

#define SYS_APPEND(p, n, c) ((p) = (char *)realloc((p), (n) + 1), (p)[(n)++] = (c))
