// Suppressions in preprocessed output (what distcc compiles remotely):
// `clang -E` drops comments, so the comment forms are lost and only the
// pragma holds; `clang -E -C` keeps comments, and all forms hold.
// RUN: %clang -E %s -o %t.i
// RUN: %memrules -fno-caret-diagnostics %t.i 2>&1 | FileCheck --check-prefix=PLAIN %s
// RUN: %clang -E -C %s -o %t.comments.i
// RUN: %memrules -fno-caret-diagnostics %t.comments.i 2>&1 | FileCheck --check-prefix=KEPT --allow-empty %s
// PLAIN: preprocessed.c:19:15: warning: the same 64 bytes are allocated for 'a'
// PLAIN: preprocessed.c:24:15: warning: the same 64 bytes are allocated for 'b'
// PLAIN-NOT: allocated for 'c'
// KEPT-NOT: warning

#include <stdlib.h>
void use(char *p);

void forms(int n) {
  for (int i = 0; i < n; i++) {
    // memrules:ignore(alloc-in-loop) the comment form
    char *a = malloc(64);
    use(a);
    free(a);
  }
  for (int i = 0; i < n; i++) {
    char *b = malloc(64); // NOLINT(memrules-alloc-in-loop)
    use(b);
    free(b);
  }
  for (int i = 0; i < n; i++) {
#pragma memrules ignore(alloc-in-loop) the pragma form
    char *c = malloc(64);
    use(c);
    free(c);
  }
}
