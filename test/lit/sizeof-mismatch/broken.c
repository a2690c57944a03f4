// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error: use of undeclared identifier 'undeclared'
// CHECK-NOT: memrules-

#include <stdlib.h>
#include <string.h>

struct big { long a, b, c; };
struct incomplete;

void broken(size_t n, const char *s) {
  struct big *p = malloc(sizeof(undeclared));
  struct big *q = malloc(n * sizeof(struct incomplete));
  struct big *r = malloc(sizeof(int));
  char *c = malloc(strlen(s));
  strcpy(c, s);
  free(p);
  free(q);
  free(r);
}
