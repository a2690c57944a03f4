// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules -Wno-free-nonheap-object %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-

#include <stdlib.h>

void broken(const char *x) {
  char buf[8];
  char *name = "anon";
  if (x)
    name = undeclared_var;
  free(name);
  free(buf);
}
