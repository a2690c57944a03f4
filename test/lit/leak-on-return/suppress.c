// On by default (recommended profile), and silenced inline, per function,
// or by the policy.
// RUN: %memrules -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics

#include <stdlib.h>

int flagged(int x) {
  char *p = malloc(8); // expected-note {{'p' is allocated here}}
  if (!p)
    return -1;
  if (x)
    return 1; // expected-warning {{'p' (from malloc()) leaks on this return}}
  free(p); // expected-note {{released on the other paths here}}
  return 0;
}

int ignored(int x) {
  char *p = malloc(8);
  if (!p)
    return -1;
  if (x == 1)
    // memrules:ignore(leak-on-return) the test harness reclaims it
    return 1;
  if (x == 2)
    return 2; // NOLINT(memrules-leak-on-return)
  free(p);
  return 0;
}

__attribute__((annotate("memrules::ignore(leak-on-return)")))
int annotated(int x) {
  char *p = malloc(8);
  if (!p)
    return -1;
  if (x)
    return 1;
  free(p);
  return 0;
}
