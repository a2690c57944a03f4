// severity: error makes the finding an error (the compile fails).
// RUN: not %memrules -fplugin-arg-memrules-policy=%S/Inputs/error.yaml %s 2>&1 | FileCheck %s
// CHECK: severity.c:[[@LINE+5]]:9: error: if realloc fails, '*pp' is overwritten with NULL and the block it pointed to leaks; assign the result to a temporary first [memrules-realloc-leak]

#include <stdlib.h>

void grow(char **pp, size_t n) {
  *pp = realloc(*pp, n);
}
