#include <stdlib.h>
#include <string.h>
void visit(int node);
static inline int sys_late(unsigned n, int rounds) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  memset(buf, 0, n);
  for (int i = 0; i < rounds; i++)
    visit(i);
  free(buf);
  return 0;
}
