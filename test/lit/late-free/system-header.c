// A late release in a system header is not reported; the same code in the
// main file is.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -isystem %S/Inputs -Xclang -verify %s

#include <sys.h>

int user_late(unsigned n, int rounds) {
  char *buf = malloc(n); // expected-note {{allocated here}}
  if (!buf)
    return -1;
  memset(buf, 0, n); // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
  free(buf); // expected-warning {{released only after a loop}}
  return sys_late(n, rounds);
}
