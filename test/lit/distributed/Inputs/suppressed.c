#include <stdlib.h>
void use(char *p);

void comment_form(int n) {
  for (int i = 0; i < n; i++) {
    char *a = malloc(64); // memrules:ignore(alloc-in-loop) comment form
    use(a);
    free(a);
  }
}

void pragma_form(int n) {
  for (int i = 0; i < n; i++) {
#pragma memrules ignore(alloc-in-loop) pragma form
    char *b = malloc(64);
    use(b);
    free(b);
  }
}

void flagged(int n) {
  for (int i = 0; i < n; i++) {
    char *c = malloc(64);
    use(c);
    free(c);
  }
}
