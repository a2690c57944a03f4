#include "no/such/header.h"
#include <stdlib.h>
void f(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(unknown_size);
    free(buf);
  }
}
