// What sizeof-mismatch does not flag (RULES.md "do not flag" and the
// settled details), each for its reason.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <stdlib.h>
#include <string.h>

struct small { int a, b; };
struct big { long a, b, c; };
union node { struct small s; struct big b; };
struct tiny { char c; };

void use(void *p);

// Byte buffers: any size fits.
void byte_buffers(void) {
  void *v = malloc(sizeof(struct small));
  char *c = malloc(sizeof(short));
  unsigned char *u = malloc(sizeof(struct small));
  signed char *s = malloc(2);
  use(v);
  use(c);
  use(u);
  use(s);
}

// U larger than T: over-allocation is deliberate (header + payload).
void larger(size_t n) {
  struct small *s = malloc(sizeof(struct big));
  struct small *a = malloc(n * sizeof(struct big));
  struct tiny *t = malloc(sizeof t); // the pointer is bigger than the struct
  use(s);
  use(a);
  use(t);
}

// Sized from the pointee, or with the right type.
void right(size_t n) {
  struct big *p = malloc(sizeof *p);
  struct big *q = malloc(sizeof(*q));
  struct big *r = calloc(n, sizeof(struct big));
  long *l = malloc(n * sizeof(long));
  long *m = realloc(l, n * sizeof *m);
  use(p);
  use(q);
  use(r);
  use(m);
}

// sizeof(p) == sizeof(*p): numerically right, no shortfall.
void pointer_to_pointer(size_t n) {
  char **v = malloc(n * sizeof v);
  char **w = malloc(n * sizeof(char *));
  double *d = malloc(n * sizeof d); // 8 == 8 on LP64
  use(v);
  use(w);
  use(d);
}

// Sizes that are not one sizeof times counts: not judged.
void other_sizes(size_t n, size_t bytes) {
  struct big *h = malloc(sizeof(struct small) + n); // header + payload
  struct big *b = malloc(bytes);
  struct big *c = malloc(sizeof(struct small) * sizeof(int));
  long *x = malloc(n * sizeof(int) / 2);
  long *y = malloc(2 * sizeof(int)); // 8 bytes: one long fits
  use(h);
  use(b);
  use(c);
  use(x);
  use(y);
}

// `n * sizeof(char)`: n counts bytes.
void byte_counts(size_t n) {
  struct big *p = malloc(n * sizeof(char));
  int *q = calloc(n, sizeof(unsigned char));
  use(p);
  use(q);
}

// A union allocated for the member in use.
void union_member(void) {
  union node *u = malloc(sizeof(struct small));
  use(u);
}

// A pointer to an array may count its elements in n.
void array_rows(size_t n) {
  int (*m)[4] = malloc(n * sizeof(int));
  use(m);
}

// strlen(s) + 1, or copies that do not write the NUL.
void strings(const char *s, const char *t) {
  char *a = malloc(strlen(s) + 1);
  strcpy(a, s);
  char *b = malloc(strlen(s));
  memcpy(b, s, strlen(s));
  char *c = malloc(strlen(s));
  strncpy(c, s, strlen(s));
  char *d = malloc(strlen(s));
  strcpy(d, t); // another string
  char *e = malloc(strlen(s));
  e = malloc(strlen(s) + 1); // replaced before the copy
  strcpy(e, s);
  char *f = malloc(strlen(s));
  use(f); // no copy at all
  s = t;
  char *g = malloc(strlen(t));
  t = "other"; // the source changes before the copy
  strcpy(g, t);
  use(a);
  use(b);
  use(c);
  use(d);
  use(e);
  use(g);
}

// Not the C library's allocators: their size argument position is unknown.
void *pool_alloc(void *pool, size_t n);
void *my_malloc(size_t n);
void others(void *pool) {
  struct big *p = pool_alloc(pool, sizeof(struct small));
  struct big *q = my_malloc(sizeof(struct small));
  use(p);
  use(q);
}
