// Suppression and severity: an inline comment, an annotate attribute on the
// function, and the rule turned off in a policy; the recommended profile
// enables it.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics

#include <stdlib.h>
#include <string.h>

int lookup(const char *key);

int ignored(const char *s) {
  // memrules:ignore(redundant-copy) the callee's contract wants a heap string
  char *q = strdup(s);
  int r = lookup(q);
  free(q);
  return r;
}

__attribute__((annotate("memrules::ignore(redundant-copy)")))
int annotated(const char *s) {
  char *q = strdup(s);
  int r = lookup(q);
  free(q);
  return r;
}

int reported(const char *s) { // expected-note {{'s' is declared here}}
  char *q = strdup(s); // expected-warning {{'q' is a heap copy of 's'}}
  int r = lookup(q);
  free(q); // expected-note {{'q' is freed here}}
  return r;
}
