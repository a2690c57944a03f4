// What alloc-in-loop must flag: an allocation released in the same iteration.
// RUN: %memrules -Xclang -verify %s

#include <stdlib.h>
#include <string.h>
#include <stdio.h>

void use(char *p);
void borrow(const char *p);

void constant_size(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    char *buf = malloc(4096); // expected-warning {{the same 4096 bytes are allocated for 'buf' and freed on every iteration; allocate them once before the loop and reuse them [memrules-alloc-in-loop]}}
    use(buf);
    free(buf); // expected-note {{'buf' is freed here}}
  }
}

void invariant_size(size_t len, int n) {
  char *p;
  while (n-- > 0) { // expected-note {{in this loop}}
    p = (char *)malloc(len + 1); // expected-warning {{the same 'len + 1' bytes are allocated for 'p' and freed on every iteration}}
    use(p);
    borrow(p);
    free(p); // expected-note {{'p' is freed here}}
  }
}

void calloc_invariant(int n) {
  do { // expected-note {{in this loop}}
    int *v = calloc(16, sizeof(int)); // expected-warning {{the same 64 bytes are allocated for 'v' and freed on every iteration}}
    v[0] = n; // memrules:ignore(unchecked-alloc) not this test's rule
    free(v); // expected-note {{'v' is freed here}}
  } while (--n);
}

void varying_size(char **lines, int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    size_t len = strlen(lines[i]);
    char *copy = malloc(len + 1); // expected-warning {{'copy' is allocated and freed on every iteration; allocate it once before the loop, sized for the largest iteration, and reuse it}}
    memcpy(copy, lines[i], len + 1); // memrules:ignore(unchecked-alloc) not this test's rule
    use(copy);
    free(copy); // expected-note {{'copy' is freed here}}
  }
}

void strdup_per_iteration(const char *name, int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    char *s = strdup(name); // expected-warning {{'s' is allocated and freed on every iteration}}
    use(s);
    free(s); // expected-note {{'s' is freed here}}
  }
}

// An allocation in the loop condition counts.
void condition(FILE *f) {
  char *line;
  while ((line = malloc(128)) != NULL) { // expected-warning {{the same 128 bytes are allocated for 'line'}} expected-note {{in this loop}}
    if (!fgets(line, 128, f)) {
      free(line);
      break;
    }
    free(line); // expected-note {{'line' is freed here}}
  }
}

// Borrowing calls in between do not hide it; a local alias neither.
void borrowed_and_aliased(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    char *buf = malloc(64); // expected-warning {{the same 64 bytes are allocated for 'buf'}}
    char *cursor = buf;
    snprintf(cursor, 64, "%d", i);
    use(buf);
    free(buf); // expected-note {{'buf' is freed here}}
  }
}

// A null-guarded free still runs every iteration.
void guarded_free(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    char *buf = malloc(32); // expected-warning {{the same 32 bytes are allocated for 'buf'}}
    use(buf);
    if (buf)
      free(buf); // expected-note {{'buf' is freed here}}
  }
}

// The innermost loop is the one reported.
void nested(int n) {
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) { // expected-note {{in this loop}}
      char *t = malloc(8); // expected-warning {{the same 8 bytes are allocated for 't'}}
      use(t);
      free(t); // expected-note {{'t' is freed here}}
    }
  }
}

// An early exit on failure is not an error path of the allocation itself.
int early_exit_on_failure(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    char *buf = malloc(256); // expected-warning {{the same 256 bytes are allocated for 'buf'}}
    if (!buf)
      return -1;
    use(buf);
    free(buf); // expected-note {{'buf' is freed here}}
  }
  return 0;
}
