// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-
#define _GNU_SOURCE 1
#include <string.h>

void broken(const char *text, char **out) {
  for (int i = 0; i < 4; i++)
    out[i] = strndup(text + undeclared, 2);
  for (int i = 0; i < 4; i++ {
    out[i] = strndup(text + i, 2);
}
