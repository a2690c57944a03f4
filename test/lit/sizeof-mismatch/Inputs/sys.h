#include <stdlib.h>
struct sys_big { long a, b, c; };
static inline struct sys_big *sys_make(void) {
  struct sys_big *p = malloc(sizeof p);
  return p;
}
#define SYS_ALLOC(p) ((p) = malloc(sizeof(p)))
#define SYS_NEW(T) malloc(sizeof(int))
