// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-

#include <stdlib.h>

double **matrix(size_t rows, size_t cols) {
  double **m = malloc(rows * sizeof *m);
  for (size_t i = 0; i < rows; i++)
    m[i] = malloc(cols * sizeof **m)
  return m[undeclared];
}
