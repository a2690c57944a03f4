// A missing header is a fatal error: no crash, no finding.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/strict.yaml -Xclang -verify %s

#include "Inputs/flaggable.h"
#include "no/such/header.h" // expected-error {{'no/such/header.h' file not found}}

void f(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(unknown_size);
    free(buf);
  }
}
