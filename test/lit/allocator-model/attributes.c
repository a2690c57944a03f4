// Families declared with ownership_returns/ownership_takes (one per
// module; the module `malloc` is libc's), and a bare __attribute__((malloc)),
// whose deallocator is unknown: the rules that judge releases stay silent
// on it. Whether these return NULL is not declared: unchecked-alloc does
// not judge them.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/rules.yaml -Xclang -verify %s

#include <stdlib.h>

struct table;
struct table *table_create(int n) __attribute__((ownership_returns(table)));
void table_destroy(struct table *t) __attribute__((ownership_takes(table, 1)));
void table_keep(struct table *t) __attribute__((ownership_holds(table, 1)));
int table_count(const struct table *t);
char *my_strdup(const char *s) __attribute__((ownership_returns(malloc)));
void *bare(size_t n) __attribute__((malloc, alloc_size(1)));
void *sized(size_t n) __attribute__((alloc_size(1)));

int per_iteration(int rounds) {
  int sum = 0;
  for (int i = 0; i < rounds; i++) { // expected-note {{in this loop}}
    struct table *t = table_create(64); // expected-warning {{'t' is allocated and freed on every iteration}}
    sum += table_count(t);
    table_destroy(t); // expected-note {{'t' is freed here}}
  }
  return sum;
}

void crossed(void) {
  struct table *t = table_create(1); // expected-note {{'t' is allocated with table_create() here}}
  free(t); // expected-warning {{'t' was allocated with table_create() but is released with free(), which is undefined behaviour (the heap can be corrupted); use table_destroy()}}
  char *s = my_strdup("x"); // expected-note {{'s' is allocated with my_strdup() here}}
  table_destroy((struct table *)s); // expected-warning {{released with table_destroy()}}
}

void libc_module(void) {
  char *s = my_strdup("x");
  free(s);
}

int leaks(int n) {
  struct table *t = table_create(n); // expected-note {{allocated here}}
  if (table_count(t) > 8)
    return -1; // expected-warning {{'t' (from table_create()) leaks on this return}}
  table_destroy(t); // expected-note {{'t' is released on the other paths here}}
  return 0;
}

int held(int n) {
  struct table *t = table_create(n);
  table_keep(t); // the table now owns it
  return 0;
}

// Unknown deallocator: not judged.
int unknown(int rounds) {
  for (int i = 0; i < rounds; i++) {
    char *p = bare(16);
    p[0] = 0;
    free(p);
    char *q = sized(16);
    free(q);
  }
  char *r = bare(8);
  if (r[0])
    return -1;
  return 0;
}
