#include <stdlib.h>
#include <string.h>
static inline void sys_fill(size_t n) {
  char *p = malloc(n);
  memset(p, 0, n);
  free(p);
}
#define SYS_DUP_FIRST(s) (strdup(s)[0])
