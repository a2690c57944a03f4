// __attribute__((annotate("memrules::ignore(id)"))) on a function or record.
// RUN: %memrules -Xclang -verify %s

#include <stdlib.h>
void use(char *p);

__attribute__((annotate("memrules::ignore(alloc-in-loop)")))
void annotated(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(64);
    use(buf);
    free(buf);
  }
}

// On a prior declaration, too.
__attribute__((annotate("memrules::ignore(alloc-in-loop)"))) void declared(int n);
void declared(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(64);
    use(buf);
    free(buf);
  }
}

__attribute__((annotate("memrules::ignore(struct-padding)")))
void other_rule(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    char *buf = malloc(64); // expected-warning {{the same 64 bytes are allocated for 'buf'}}
    use(buf);
    free(buf); // expected-note {{'buf' is freed here}}
  }
}
