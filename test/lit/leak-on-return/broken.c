// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-

#include <stdlib.h>

int broken(int x) {
  char *p = malloc(8);
  if (!p)
    return -1;
  if (x)
    return undeclared_var;
  free(p);
  return 0
}
