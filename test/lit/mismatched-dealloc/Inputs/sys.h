#include <stdlib.h>
static inline void sys_release(void) {
  char buf[8];
  char *name = "sys";
  free(buf);
  free(name);
}
#define SYS_FREE_LITERAL() free("macro")
