#include <stdlib.h>
#define ALLOC(p, n) p = malloc(n +)
void use(char *p);
void f(int n) {
  for (int i = 0; i < n; i++) {
    char *buf;
    ALLOC(buf, 64);
    use(buf);
    free(buf);
  }
}
