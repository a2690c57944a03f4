// No fix-it where the rewrite is not certain: the size is not the bare
// strlen() call, or the sizeof operand comes from a macro.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// CHECK-NOT: fix-it:

#include <stdlib.h>
#include <string.h>

struct big { long a, b, c; };

#define PTR_SIZE(p) sizeof(p)

char *scaled(const char *name) {
  char *q = malloc(strlen(name) * sizeof(char)); // expected-warning {{allocates strlen(name) bytes for 'q' but strcpy below writes strlen(name) + 1}}
  strcpy(q, name); // expected-note {{the string and its NUL are copied here}}
  struct big *b = malloc(PTR_SIZE(b)); // expected-warning {{allocates the size of the pointer 'b' (8 bytes), not of what it points to (24 bytes); use sizeof *b}}
  free(b);
  return q;
}
