// Vocabularies in system headers are not reported.
// RUN: %memrules -isystem %S/Inputs/sys -Xclang -verify %s
// expected-no-diagnostics
#include <vocab.h>

int use_it(struct sys_state *s, int *w) {
  sys_phase(s, 1);
  return sys_weight(s, w);
}

// A field of a system header's record: never internal state (the library
// may write it) and not the project's vocabulary to change.
int weight(struct sys_state *s, int n) {
  int r = 0;
  s->phase = "one";
  if (strcmp(s->phase, "one") == 0)
    r = n;
  if (strcmp(s->phase, "two") == 0)
    r = n * 2;
  if (strcmp(s->phase, "three") == 0)
    r = n * 3;
  return r;
}
