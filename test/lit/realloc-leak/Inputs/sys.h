#include <stdlib.h>
static inline void sys_grow(char **pp, size_t n) {
  char *p = *pp;
  *pp = 0;
  p = (char *)realloc(p, n);
  *pp = p;
}
#define SYS_GROW(p, n) ((p) = realloc((p), (n)))
