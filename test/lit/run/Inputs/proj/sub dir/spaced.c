#include <stdlib.h>
void use(char *p);

void again(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(32);
    use(buf);
    free(buf);
  }
}
