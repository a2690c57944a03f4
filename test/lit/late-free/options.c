// min-bytes: constant sizes below it are not reported (64 KiB by default;
// a policy lowering it to 4096 reports the 8 KiB block too). Sizes known
// only at run time are reported whatever it is.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify=default %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/small.yaml -Xclang -verify=small %s

#include <stdlib.h>
#include <string.h>

void visit(int node);

int eight_kib(int rounds) {
  char *buf = malloc(8192); // small-note {{allocated here}}
  if (!buf)
    return -1;
  memset(buf, 0, 8192); // small-note {{last use}}
  for (int i = 0; i < rounds; i++) // small-note {{this loop}}
    visit(i);
  free(buf); // small-warning {{'buf' (from malloc(), 8192 bytes) is released only after a loop}}
  return 0;
}

int two_kib(int rounds) {
  char *buf = malloc(2048);
  if (!buf)
    return -1;
  memset(buf, 0, 2048);
  for (int i = 0; i < rounds; i++)
    visit(i);
  free(buf);
  return 0;
}

int run_time(unsigned n, int rounds) {
  char *buf = malloc(n); // default-note {{allocated here}} small-note {{allocated here}}
  if (!buf)
    return -1;
  memset(buf, 0, n); // default-note {{last use}} small-note {{last use}}
  for (int i = 0; i < rounds; i++) // default-note {{this loop}} small-note {{this loop}}
    visit(i);
  free(buf); // default-warning {{of a size known only at run time}} small-warning {{of a size known only at run time}}
  return 0;
}
