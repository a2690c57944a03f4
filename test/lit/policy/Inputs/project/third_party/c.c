#include <stdlib.h>
void use(char *p);
void f(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(64);
    use(buf);
    free(buf);
  }
}
