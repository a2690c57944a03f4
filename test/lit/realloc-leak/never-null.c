// A policy that declares realloc never-null (the project's realloc aborts
// on failure) silences the rule.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/never-null.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <stdlib.h>

void grow(char **pp, size_t n) {
  *pp = realloc(*pp, n);
}
