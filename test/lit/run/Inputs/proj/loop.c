#include <stdlib.h>
void use(char *p);

void each(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(64);
    use(buf);
    free(buf);
  }
}
