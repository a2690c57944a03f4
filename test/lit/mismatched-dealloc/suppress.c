// On by default (recommended profile), and silenced inline or per function.
// RUN: %memrules -Wno-free-nonheap-object -Xclang -verify %s

#include <stdlib.h>

void flagged(void) {
  char buf[8];
  free(buf); // expected-warning {{the stack array 'buf' is released with free(), which is undefined behaviour (the heap can be corrupted); do not release it [memrules-mismatched-dealloc]}}
}

void ignored(void) {
  char buf[8];
  // memrules:ignore(mismatched-dealloc) test of the allocator's error path
  free(buf);
  free(buf); // NOLINT(memrules-mismatched-dealloc)
  free(buf); // NOLINT(memrules-alloc-in-loop) expected-warning {{the stack array 'buf' is released}}
}

__attribute__((annotate("memrules::ignore(mismatched-dealloc)")))
void annotated(void) {
  char *name = "anon";
  free(name);
}
