// In the recommended profile; silenced inline, per function, or by the
// policy.
// RUN: %memrules -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics

#include <stdlib.h>

int **flagged(int n, int m) {
  int **g = malloc(n * sizeof *g); // expected-note {{allocated here}}
  if (!g)
    return NULL;
  for (int i = 0; i < n; i++) // expected-note {{in this loop}}
    g[i] = malloc(m * sizeof **g); // expected-warning {{every row of 'g' is allocated on its own}}
  return g;
}

int **ignored(int n, int m) {
  int **g = malloc(n * sizeof *g);
  if (!g)
    return NULL;
  for (int i = 0; i < n; i++)
    // memrules:ignore(nested-alloc) rows are handed to separate owners later
    g[i] = malloc(m * sizeof **g);
  return g;
}

int **nolint(int n, int m) {
  int **h = malloc(n * sizeof *h);
  if (!h)
    return NULL;
  for (int i = 0; i < n; i++)
    h[i] = malloc(m * sizeof **h); // NOLINT(memrules-nested-alloc)
  return h;
}

__attribute__((annotate("memrules::ignore(nested-alloc)")))
int **annotated(int n, int m) {
  int **g = malloc(n * sizeof *g);
  if (!g)
    return NULL;
  for (int i = 0; i < n; i++)
    g[i] = malloc(m * sizeof **g);
  return g;
}
