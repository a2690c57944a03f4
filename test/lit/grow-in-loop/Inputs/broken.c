#include <stdlib.h>

int *broken(int count) {
  int *p = NULL;
  size_t n = 0;
  for (int i = 0; i < count; i++) {
    p = realloc(p, (n + undeclared) * sizeof *p);
    n++;
  }
  return p;
}
