// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-
#define _GNU_SOURCE 1
#include <stdio.h>
#include <stdlib.h>

void broken(int n) {
  char *s;
  if (asprintf(&s, "%d", undeclared) < 0)
    return;
  puts(s);
  free(s);
}
