// max-bytes: constant sizes above it are not reported (128 by default; a
// policy lowering it to 16 leaves the 32-byte block alone, one raising it
// to 512 reports the 256-byte block too).
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify=default %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/small.yaml -Xclang -verify=small %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/large.yaml -Xclang -verify=large %s

#include <stdlib.h>
#include <string.h>

int sixteen(void) {
  char *p = malloc(16); // default-warning {{16 bytes}} small-warning {{16 bytes}} large-warning {{16 bytes}}
  memset(p, 0, 16);
  free(p); // default-note {{freed here}} small-note {{freed here}} large-note {{freed here}}
  return 0;
}

int thirty_two(void) {
  char *p = malloc(32); // default-warning {{32 bytes}} large-warning {{32 bytes}}
  memset(p, 0, 32);
  free(p); // default-note {{freed here}} large-note {{freed here}}
  return 0;
}

int two_hundred_fifty_six(void) {
  char *p = malloc(256); // large-warning {{256 bytes}}
  memset(p, 0, 256);
  free(p); // large-note {{freed here}}
  return 0;
}
