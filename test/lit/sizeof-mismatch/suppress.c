// Inline suppressions.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <stdlib.h>

struct small { int a, b; };
struct big { long a, b, c; };

void ignored(struct big **pp) {
  // memrules:ignore(sizeof-mismatch) the tail is never touched
  pp[0] = malloc(sizeof(struct small));
  pp[1] = malloc(sizeof(struct small)); // NOLINT(memrules-sizeof-mismatch)
  pp[2] = malloc(sizeof(struct small)); // NOLINT(memrules-alloc-in-loop) expected-warning {{allocates sizeof(struct small) = 8 bytes for 'pp[2]'}}
}

__attribute__((annotate("memrules::ignore(sizeof-mismatch)")))
void annotated(struct big **pp) {
  pp[0] = malloc(sizeof(struct small));
}
