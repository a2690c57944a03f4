// In the recommended profile; silenced inline, per function, or by the
// policy.
// RUN: %memrules -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics

#include <stdlib.h>
#include <string.h>

void visit(int node);

int flagged(unsigned n, int rounds) {
  char *buf = malloc(n); // expected-note {{allocated here}}
  if (!buf)
    return -1;
  memset(buf, 0, n); // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
  free(buf); // expected-warning {{released only after a loop}}
  return 0;
}

int ignored(unsigned n, int rounds) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  memset(buf, 0, n);
  for (int i = 0; i < rounds; i++)
    visit(i);
  // memrules:ignore(late-free) kept for the retry below
  free(buf);
  char *again = malloc(n);
  if (!again)
    return -1;
  memset(again, 0, n);
  for (int i = 0; i < rounds; i++)
    visit(i);
  free(again); // NOLINT(memrules-late-free)
  return 0;
}

__attribute__((annotate("memrules::ignore(late-free)")))
int annotated(unsigned n, int rounds) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  memset(buf, 0, n);
  for (int i = 0; i < rounds; i++)
    visit(i);
  free(buf);
  return 0;
}
