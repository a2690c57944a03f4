// In the recommended profile; silenced inline, per function, or by the
// policy.
// RUN: %memrules -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics

#include <stdlib.h>
#include <string.h>

int flagged(void) {
  char *p = malloc(16); // expected-warning {{'p' holds 16 bytes from malloc()}}
  if (!p)
    return -1;
  memset(p, 0, 16);
  free(p); // expected-note {{freed here}}
  return 0;
}

int ignored(void) {
  // memrules:ignore(small-heap-alloc) must outlive a longjmp-free stack
  char *p = malloc(16);
  if (!p)
    return -1;
  memset(p, 0, 16);
  free(p);
  char *q = malloc(16); // NOLINT(memrules-small-heap-alloc)
  if (!q)
    return -1;
  memset(q, 0, 16);
  free(q);
  return 0;
}

__attribute__((annotate("memrules::ignore(small-heap-alloc)")))
int annotated(void) {
  char *p = malloc(16);
  if (!p)
    return -1;
  memset(p, 0, 16);
  free(p);
  return 0;
}
