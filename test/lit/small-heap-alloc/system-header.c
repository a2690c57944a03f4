// A small heap block in a system header is not reported; the same code in
// the main file is.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -isystem %S/Inputs -Xclang -verify %s

#include <sys.h>

int user_small(const char *s) {
  char *buf = malloc(32); // expected-warning {{'buf' holds 32 bytes from malloc()}}
  if (!buf)
    return -1;
  strncpy(buf, s, 31);
  buf[31] = 0;
  int n = (int)strlen(buf);
  free(buf); // expected-note {{freed here}}
  return n + sys_small(s);
}
