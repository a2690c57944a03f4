// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-

#include <stdlib.h>
#include <string.h>

int broken(void) {
  char *buf = malloc(16);
  if (!buf)
    return -1;
  memset(buf, 0, undeclared_size);
  free(buf)
  return 0;
}

int fine_but_after_error(void) {
  char *buf = malloc(16);
  memset(buf, 0, 16);
  free(buf);
  return 0;
}
