// Flagged, but no fix-it where the rewrite would not be certainly safe.
// RUN: %memrules -Xclang -verify %s
// RUN: %memrules -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// CHECK-NOT: fix-it:
// CHECK: 6 warnings generated

#include <stdlib.h>

#define GROW(p, n) ((p) = realloc((p), (n)))

char **next_slot(char **slots);

void not_a_statement(char *p, char **pp, size_t n) {
  if ((*pp = realloc(*pp, n)) == NULL) // expected-warning {{if realloc fails, '*pp' is overwritten}}
    return;
  while (0)
    *pp = realloc(*pp, n); // expected-warning {{if realloc fails, '*pp' is overwritten}}
  (void)p;
}

void side_effects(char **a, int i, char *volatile *vp, size_t n) {
  a[i] = realloc(a[i], n++); // expected-warning {{if realloc fails, 'a[i]' is overwritten}}
  *vp = realloc(*vp, n);     // expected-warning {{if realloc fails, '*vp' is overwritten}}
}

void labelled(char **pp, size_t n) {
  goto again;
again:
  *pp = realloc(*pp, n); // expected-warning {{if realloc fails, '*pp' is overwritten}}
}

void from_macro(char **pp, size_t n) {
  GROW(*pp, n); // expected-warning {{if realloc fails, '*pp' is overwritten}}
}
