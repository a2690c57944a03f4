// Suppression and severity: the rule is in recommended (the default policy
// reports it); off in a policy; an ignore comment silences one finding.
// RUN: %memrules -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics

#include <stdlib.h>

int *a(int count) {
  int *p = NULL;
  size_t n = 0;
  for (int i = 0; i < count; i++) {
    // memrules:ignore(grow-in-loop) count is at most 4 here
    int *grown = realloc(p, (n + 1) * sizeof *p);
    if (!grown)
      return p;
    p = grown;
    p[n++] = i;
  }
  return p;
}

int *b(int count) {
  int *q = NULL;
  size_t n = 0;
  for (int i = 0; i < count; i++) { // expected-note {{in this loop}}
    int *grown = realloc(q, (n + 1) * sizeof *q); // expected-warning {{realloc grows 'q' by a constant step}}
    if (!grown)
      return q;
    q = grown;
    q[n++] = i; // expected-note {{'n' advances by a constant here}}
  }
  return q;
}
