// With report-unused-suppressions, a suppression that hides nothing is
// reported; unknown rule ids in suppressions are always reported.
// RUN: %memrules -Xclang -verify=default %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/report-unused.yaml -Xclang -verify=unused,default %s

#include <stdlib.h>
void use(char *p);

void used(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(64); // memrules:ignore(alloc-in-loop) used
    use(buf);
    free(buf);
  }
}

void unused(char *p) {
  use(p); // memrules:ignore(alloc-in-loop) nothing here; unused-warning {{this suppression of 'alloc-in-loop' suppresses nothing; remove it [memrules]}}
}

void misspelled(char *p) {
  use(p); // memrules:ignore(alloc-in-lop) default-warning {{unknown rule 'alloc-in-lop' in a memrules suppression; did you mean 'alloc-in-loop'? [memrules]}}
}
