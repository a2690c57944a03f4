#include <stdlib.h>
#include <string.h>
static inline int sys_small(const char *s) {
  char *buf = malloc(32);
  if (!buf)
    return -1;
  strncpy(buf, s, 31);
  buf[31] = 0;
  int n = (int)strlen(buf);
  free(buf);
  return n;
}
