// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-

#include <stdlib.h>
#include <string.h>

void broken(const char *s, size_t n) {
  char *p = malloc(n);
  memcpy(p, s, undeclared_len);
  p[0] = 0;
  struct nothing *q = malloc(n);
  q->field = 1
}
