// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules %s 2>&1 | FileCheck %s
// CHECK: error: use of undeclared identifier 'undeclared'
// CHECK-NOT: memrules-

#include <stdlib.h>

void broken(char *q, char **pp, size_t n) {
  *pp = realloc(*pp, n);
  q = realloc(q, undeclared);
}
