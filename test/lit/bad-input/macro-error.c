// Errors inside macro expansions (clang reports them where the macro is
// used): the plugin adds nothing, not even for the well-formed code around.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/strict.yaml -Xclang -verify %s

#include "Inputs/flaggable.h"

#define ALLOC(p, n) p = malloc(n +)
#define GROW(p, n) p = realloc(p, n, )

void use(char *p);

void in_loop(int n) {
  for (int i = 0; i < n; i++) {
    char *buf;
    ALLOC(buf, 64); // expected-error {{expected expression}}
    GROW(buf, 128); // expected-error {{expected expression}}
    use(buf);
    free(buf);
  }
}

#define UNDECLARED(p) free(p + undeclared_thing)
void undeclared(char *p) { UNDECLARED(p); } // expected-error {{use of undeclared identifier 'undeclared_thing'}}
