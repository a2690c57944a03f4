// Suppression and options: the rule is in recommended; off in a policy.
// RUN: %memrules -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics

#include <stdlib.h>

void *a(size_t n, size_t m) {
  // memrules:ignore(alloc-size-overflow) both are below 1024 by construction
  return malloc(n * m);
}

void *b(size_t n, size_t m) {
  return malloc(n * m); // expected-warning {{multiplies values nothing checks for overflow}}
}
