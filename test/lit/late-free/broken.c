// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-

#include <stdlib.h>
#include <string.h>

void visit(int node);

int broken(unsigned n, int rounds) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  memset(buf, 0, n);
  for (int i = 0; i < rounds; i++)
    visit(undeclared_var);
  free(buf)
  return 0;
}
