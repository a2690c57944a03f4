#include <stdlib.h>

int grow_a(char **p, size_t n) {
  *p = realloc(*p, n);
  return *p != NULL;
}
