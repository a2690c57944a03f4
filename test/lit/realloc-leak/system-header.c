// Code in a system header is not checked, and neither is an assignment a
// system header's macro writes: the user cannot fix the macro's text.
// RUN: %memrules -isystem %S/Inputs -Xclang -verify %s
// expected-no-diagnostics

#include <sys.h>

void grow(char **pp, size_t n) {
  sys_grow(pp, n);
  char *q = malloc(8);
  SYS_GROW(q, n);
  free(q);
}
