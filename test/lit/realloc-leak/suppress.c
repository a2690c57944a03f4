// Inline suppressions.
// RUN: %memrules -Xclang -verify %s

#include <stdlib.h>

void ignored(char **pp, size_t n) {
  // memrules:ignore(realloc-leak) the caller aborts when *pp is NULL
  *pp = realloc(*pp, n);
  *pp = realloc(*pp, n); // NOLINT(memrules-realloc-leak)
  *pp = realloc(*pp, n); // NOLINT(memrules-alloc-in-loop) expected-warning {{if realloc fails, '*pp' is overwritten}}
}

__attribute__((annotate("memrules::ignore(realloc-leak)")))
void annotated(char **pp, size_t n) {
  *pp = realloc(*pp, n);
}
