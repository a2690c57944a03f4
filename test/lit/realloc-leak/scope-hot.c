// scope: hot reports only in hot functions and in loops.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/hot.yaml -Xclang -verify %s

#include <stdlib.h>

void cold(char **pp, size_t n) {
  *pp = realloc(*pp, n);
}

__attribute__((hot)) void hot(char **pp, size_t n) {
  *pp = realloc(*pp, n); // expected-warning {{if realloc fails, '*pp' is overwritten}}
}

void loop(char **pp, size_t n) {
  for (size_t i = 1; i < n; i *= 2)
    *pp = realloc(*pp, i); // expected-warning {{if realloc fails, '*pp' is overwritten}}
}
