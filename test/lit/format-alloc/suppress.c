// On by default (recommended profile), off in a policy, silenced inline.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics
#define _GNU_SOURCE 1
#include <stdio.h>
#include <stdlib.h>

void flagged(int n) {
  char *s;
  if (asprintf(&s, "%d", n) < 0) // expected-warning {{[memrules-format-alloc]}}
    return;
  puts(s); // expected-note {{its only use}}
  free(s); // expected-note {{freed here}}
}

void ignored(int n) {
  char *s;
  // memrules:ignore(format-alloc) the text goes to a pipe that needs one write
  if (asprintf(&s, "%d", n) < 0)
    return;
  puts(s);
  free(s);
}
