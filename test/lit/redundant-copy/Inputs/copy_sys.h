#pragma clang system_header
#include <stdlib.h>
#include <string.h>
static inline size_t sys_len(const char *s) {
  char *q = strdup(s);
  size_t n = strlen(q);
  free(q);
  return n;
}
