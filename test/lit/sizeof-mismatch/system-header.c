// Code in a system header is not checked, and neither is an allocation a
// system header's macro writes.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -isystem %S/Inputs -Xclang -verify %s
// expected-no-diagnostics

#include <sys.h>

void user(void) {
  struct sys_big *p;
  SYS_ALLOC(p);
  struct sys_big *q = SYS_NEW(struct sys_big);
  free(p);
  free(q);
  free(sys_make());
}
