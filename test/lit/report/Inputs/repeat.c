#include <stdlib.h>
void use(void *p);

void twice(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(64);
    use(buf);
    free(buf);
  }
  for (int i = 0; i < n; i++) {
    char *buf = malloc(64);
    use(buf);
    free(buf);
  }
}

void other(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(64);
    use(buf);
    free(buf);
  }
}
