// Vocabularies in system headers are not reported.
// RUN: %memrules -isystem %S/Inputs/sys -Xclang -verify %s
// expected-no-diagnostics
#include <vocab.h>

int use_it(struct sys_state *s, int *w) {
  sys_phase(s, 1);
  return sys_weight(s, w);
}
