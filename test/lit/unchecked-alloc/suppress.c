// On by default (recommended profile), off in a policy, and silenced inline
// or per function. (Sizes known only at run time: a constant small block
// would also be small-heap-alloc's, which this profile enables.)
// RUN: %memrules -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics

#include <stdlib.h>

void flagged(size_t n) {
  int *p = malloc(n * sizeof *p); // expected-note {{'p' is allocated here and may be NULL}}
  *p = 0; // expected-warning {{before any NULL check, but malloc() returns NULL when memory runs out, so the program crashes here instead of handling the failure; check 'p' for NULL first [memrules-unchecked-alloc]}}
  free(p);
}

void ignored(size_t n) {
  int *p = malloc(n * sizeof *p);
  *p = 0; // memrules:ignore(unchecked-alloc) the test harness never runs out of memory
  free(p);
}

void nolint(size_t n) {
  int *p = malloc(n * sizeof *p);
  *p = 0; // NOLINT(memrules-unchecked-alloc)
  free(p);
}

__attribute__((annotate("memrules::ignore(unchecked-alloc)")))
void annotated(size_t n) {
  int *p = malloc(n * sizeof *p);
  *p = 0;
  free(p);
}
