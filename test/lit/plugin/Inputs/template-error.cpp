#include <stdlib.h>
template <typename T> void f(T n) {
  for (T i = 0; i < n; i++) {
    char *buf = (char *)malloc(64);
    n.missing();
    free(buf);
  }
}
void g() { f(3); }
