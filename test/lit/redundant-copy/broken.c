// Code that does not compile gets the compiler's errors and no findings.
// RUN: not %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-redundant-copy

#include <stdlib.h>
#include <string.h>

int lookup(const char *key);

int broken(const char *s) {
  char *q = strdup(s);
  int r = lookup(q) + ;
  free(q);
  return r;
}

int also_broken(const char *s) {
  char *q = strdup(missing);
  int r = lookup(q);
  free(q);
  return r;
}
