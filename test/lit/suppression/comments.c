// Inline suppressions: memrules:ignore on the line or the line above, NOLINT
// on the line, NOLINTNEXTLINE on the line above. Other ids do not suppress.
// RUN: %memrules -Xclang -verify %s

#include <stdlib.h>
void use(char *p);

void ignore_above(int n) {
  for (int i = 0; i < n; i++) {
    // memrules:ignore(alloc-in-loop) the size differs per call in production
    char *buf = malloc(64);
    use(buf);
    free(buf);
  }
}

void ignore_same_line(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(64); // memrules:ignore(realloc-leak, alloc-in-loop) measured: cheap
    use(buf);
    free(buf);
  }
}

void nolint(int n) {
  for (int i = 0; i < n; i++) {
    char *a = malloc(64); // NOLINT(memrules-alloc-in-loop)
    char *b = malloc(64); // NOLINT
    char *c = malloc(64); // NOLINT(bugprone-foo, memrules-*)
    // NOLINTNEXTLINE(memrules-alloc-in-loop)
    char *d = malloc(64);
    use(a); use(b); use(c); use(d);
    free(a); free(b); free(c); free(d);
  }
}

void wrong_rule(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    // memrules:ignore(realloc-leak) names another rule
    char *buf = malloc(64); // expected-warning {{the same 64 bytes are allocated for 'buf'}}
    use(buf);
    free(buf); // expected-note {{'buf' is freed here}}
  }
}

void two_lines_above(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    // memrules:ignore(alloc-in-loop) too far away

    char *buf = malloc(64); // expected-warning {{the same 64 bytes are allocated for 'buf'}}
    use(buf);
    free(buf); // expected-note {{'buf' is freed here}}
  }
}

void nolint_other_tool(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    char *buf = malloc(64); // NOLINT(bugprone-foo) expected-warning {{the same 64 bytes are allocated for 'buf'}}
    use(buf);
    free(buf); // expected-note {{'buf' is freed here}}
  }
}
