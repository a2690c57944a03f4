// Code in a system header is not checked, nor a growth a system header's
// macro writes.
// RUN: %memrules -isystem %S/Inputs -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <sys.h>

char *fill(int count) {
  char *p = 0;
  size_t n = 0;
  for (int i = 0; i < count; i++)
    SYS_APPEND(p, n, 'y');
  return p;
}
