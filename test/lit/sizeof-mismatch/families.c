// Policy family allocators are judged when their declaration says where the
// size is: an alloc_size attribute, or one integer parameter in a function
// returning void * (after the block, for a grow function).
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/families.yaml -Xclang -verify %s

#include <stddef.h>
#include <string.h>

void *sqlite3_malloc(int n);
void *sqlite3_realloc(void *p, int n);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *pool_alloc(void *pool, size_t n);
int *make_ints(size_t count);
__attribute__((alloc_size(2, 3))) void *sized_alloc(int flags, size_t n, size_t size);
void *not_in_policy(size_t n);

struct small { int a, b; };
struct big { long a, b, c; };

void families(void *pool, size_t n, const char *s) {
  struct big *a = sqlite3_malloc(sizeof(struct small)); // expected-warning {{allocates sizeof(struct small) = 8 bytes for 'a', which points to 'struct big' (24 bytes)}}
  long *b = sqlite3_realloc(a, (int)(n * sizeof(int))); // expected-warning {{allocates (int)(n * sizeof(int)): 4 bytes per element for 'b'}}
  struct big *c = xmalloc(sizeof c); // expected-warning {{allocates the size of the pointer 'c' (8 bytes)}}
  struct big *d = xrealloc(c, n * sizeof(struct small)); // expected-warning {{allocates n * sizeof(struct small): 8 bytes per element for 'd'}}
  struct big *e = pool_alloc(pool, sizeof(struct small)); // expected-warning {{allocates sizeof(struct small) = 8 bytes for 'e'}}
  long *f = sized_alloc(0, n, sizeof(int)); // expected-warning {{allocates n * sizeof(int): 4 bytes per element for 'f'}}
  char *g = xmalloc(strlen(s)); // expected-warning {{allocates strlen(s) bytes for 'g' but strcpy below writes strlen(s) + 1 (the NUL)}}
  strcpy(g, s); // expected-note {{the string and its NUL are copied here}}

  // Not judged: the size position is not certain, or not an allocator.
  long *h = xcalloc(n, sizeof(int));
  long *i = (long *)make_ints(n * sizeof(short));
  struct big *j = not_in_policy(sizeof(struct small));
  (void)b; (void)d; (void)e; (void)f; (void)h; (void)i; (void)j;
}
