// Wrappers inferred from their definitions: table_new/table_free, a strdup
// and an aborting xmalloc are allocators and deallocators of libc's family,
// and the rules see through them.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/glib.yaml -Xclang -verify %s

#include <stdlib.h>
#include <string.h>

void *g_malloc(size_t n);
void g_free(void *p);
void use(void *p);

struct table { int n; int *items; };

struct table *table_new(int n) {
  struct table *t = malloc(sizeof *t);
  if (!t)
    return NULL;
  t->n = n;
  t->items = calloc(n, sizeof *t->items);
  return t;
}

void table_free(struct table *t) {
  if (t) {
    free(t->items);
    free(t);
  }
}

int table_sum(const struct table *t) { return t->n; }

char *dup_text(const char *s) {
  size_t n = strlen(s) + 1;
  char *copy = malloc(n);
  if (copy)
    memcpy(copy, s, n);
  return copy;
}

void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

void *just_malloc(size_t n) { return malloc(n); }

// May return NULL, but whether it does is not what the test says: its
// callers are not judged.
void *zeroed(size_t n) {
  void *p = malloc(n);
  if (p)
    memset(p, 0, n);
  return p;
}

// A wrapper of a wrapper, defined after it.
struct table *table_small(void) { return table_new(4); }

int per_iteration(int rounds) {
  int sum = 0;
  for (int i = 0; i < rounds; i++) { // expected-note {{in this loop}}
    struct table *t = table_new(64); // expected-warning {{'t' is allocated and freed on every iteration}}
    if (!t)
      return -1;
    sum += table_sum(t);
    table_free(t); // expected-note {{'t' is freed here}}
  }
  return sum;
}

void crossed(void) {
  char *s = dup_text("x"); // expected-note {{'s' is allocated with dup_text() here}}
  g_free(s); // expected-warning {{'s' was allocated with dup_text() but is released with g_free(), which is undefined behaviour (the heap can be corrupted); use free() [memrules-mismatched-dealloc]}}
}

void crossed_back(void) {
  void *p = g_malloc(8); // expected-note {{'p' is allocated with g_malloc() here}}
  table_free(p); // expected-warning {{'p' was allocated with g_malloc() but is released with table_free(), which is undefined behaviour (the heap can be corrupted); use g_free()}}
}

void matched(void) {
  struct table *t = table_small();
  free(t); // a libc block: no mismatch (table_free would be better, but free is not wrong)
  char *s = dup_text("y");
  table_free((struct table *)s);
}

int leaks(const char *name) {
  char *s = dup_text(name); // expected-note {{allocated here}}
  if (!s)
    return -1;
  if (strlen(s) > 8)
    return -2; // expected-warning {{'s' (from dup_text()) leaks on this return}}
  free(s); // expected-note {{'s' is released on the other paths here}}
  return 0;
}

void unchecked(size_t n) {
  char *p = just_malloc(n); // expected-note {{may be NULL}}
  p[0] = 0; // expected-warning {{indexed before any NULL check}}
  free(p);
  char *q = xmalloc(n); // xmalloc aborts: never NULL
  q[0] = 0;
  free(q);
  char *z = zeroed(n);
  z[0] = 0;
  free(z);
}
