// What sizeof-mismatch flags: an allocation sized for a smaller type than
// the pointer it is stored in, in every target and size form.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <stdlib.h>

struct small { int a, b; };
struct big { long a, b, c; };
struct holder { struct big *p; int *ints; struct holder *next; };
typedef struct big big_t;

void use(void *p);

void declarations(void) {
  struct big *p = malloc(sizeof(struct small)); // expected-warning {{allocates sizeof(struct small) = 8 bytes for 'p', which points to 'struct big' (24 bytes); use sizeof *p [memrules-sizeof-mismatch]}}
  big_t *t = malloc(sizeof(struct small)); // expected-warning {{allocates sizeof(struct small) = 8 bytes for 't', which points to 'big_t' (24 bytes); use sizeof *t}}
  struct small s;
  struct big *e = malloc(sizeof s); // expected-warning {{allocates sizeof s = 8 bytes for 'e', which points to 'struct big' (24 bytes)}}
  use(p);
  use(t);
  use(e);
}

void assignments(struct holder *h, struct holder **hp) {
  struct big *p;
  p = malloc(sizeof(struct small)); // expected-warning {{allocates sizeof(struct small) = 8 bytes for 'p', which points to 'struct big' (24 bytes)}}
  use(p);
  p = (struct big *)malloc(sizeof(struct small)); // expected-warning {{allocates sizeof(struct small) = 8 bytes for 'p'}}
  use(p);
  h->p = malloc(sizeof(struct small)); // expected-warning {{allocates sizeof(struct small) = 8 bytes for 'h->p', which points to 'struct big' (24 bytes); use sizeof *h->p}}
  (*hp)->next = malloc(sizeof(struct small)); // expected-warning {{for '(*hp)->next', which points to 'struct holder' (24 bytes); use sizeof *(*hp)->next}}
  h->next->p = (struct big *)(malloc(2 * sizeof(int))); // expected-warning {{allocates 2 * sizeof(int) = 8 bytes for 'h->next->p'}}
}

// The pointer type instead of the pointee's.
void pointer_type(size_t n) {
  struct big *p = malloc(sizeof(struct big *)); // expected-warning {{allocates sizeof(struct big *) = 8 bytes, the size of a pointer, for 'p', which points to 'struct big' (24 bytes); use sizeof *p}}
  struct big *a = malloc(n * sizeof(struct big *)); // expected-warning {{allocates n * sizeof(struct big *): 8 bytes per element, the size of a pointer, for 'a', whose elements are 'struct big' (24 bytes each); use sizeof *a}}
  use(p);
  use(a);
}

// The size of the pointer itself (`sizeof p` for `sizeof *p`).
void pointer_itself(struct holder *h, size_t n) {
  struct big *p = malloc(sizeof p); // expected-warning {{allocates the size of the pointer 'p' (8 bytes), not of what it points to (24 bytes); use sizeof *p}}
  use(p);
  p = malloc(sizeof(p)); // expected-warning {{allocates the size of the pointer 'p' (8 bytes), not of what it points to (24 bytes); use sizeof *p}}
  use(p);
  h->p = malloc(sizeof(h->p)); // expected-warning {{allocates the size of the pointer 'h->p' (8 bytes), not of what it points to (24 bytes); use sizeof *h->p}}
  struct big *a = calloc(n, sizeof a); // expected-warning {{allocates the size of the pointer 'a' (8 bytes) per element, not of what it points to (24 bytes); use sizeof *a}}
  use(a);
}

// Element forms: n * sizeof(U), calloc's and reallocarray's element size,
// realloc and aligned_alloc.
void elements(struct holder *h, size_t n, size_t m) {
  long *l = malloc(n * sizeof(int)); // expected-warning {{allocates n * sizeof(int): 4 bytes per element for 'l', whose elements are 'long' (8 bytes each); use sizeof *l}}
  use(l);
  l = malloc(sizeof(int) * n * m); // expected-warning {{allocates sizeof(int) * n * m: 4 bytes per element for 'l'}}
  use(l);
  l = malloc((n + 1) * sizeof(short)); // expected-warning {{allocates (n + 1) * sizeof(short): 2 bytes per element for 'l'}}
  use(l);
  long *c = calloc(n, sizeof(int)); // expected-warning {{allocates n * sizeof(int): 4 bytes per element for 'c', whose elements are 'long' (8 bytes each)}}
  long *d = calloc(sizeof(int), n); // expected-warning {{allocates sizeof(int) * n: 4 bytes per element for 'd'}}
  h->ints = realloc(l, n * sizeof(short)); // expected-warning {{allocates n * sizeof(short): 2 bytes per element for 'h->ints', whose elements are 'int' (4 bytes each); use sizeof *h->ints}}
  long *r = reallocarray(c, n, sizeof(int)); // expected-warning {{allocates n * sizeof(int): 4 bytes per element for 'r'}}
  struct big *al = aligned_alloc(64, sizeof(struct small)); // expected-warning {{allocates sizeof(struct small) = 8 bytes for 'al'}}
  int **rows = malloc(n * sizeof(int)); // expected-warning {{allocates n * sizeof(int): 4 bytes per element for 'rows', whose elements are 'int *' (8 bytes each); use sizeof *rows}}
  struct big *k = calloc(1, sizeof(struct small)); // expected-warning {{allocates 1 * sizeof(struct small) = 8 bytes for 'k'}}
  use(d);
  use(r);
  use(al);
  use(rows);
  use(k);
}

// In a loop and through a project macro: the same.
#define NEW_SMALL() malloc(sizeof(struct small))
void macro_and_loop(struct big **items, int n) {
  for (int i = 0; i < n; ++i)
    items[i] = NEW_SMALL(); // expected-warning {{allocates 8 bytes for 'items[i]', which points to 'struct big' (24 bytes); use sizeof *items[i]}}
}
