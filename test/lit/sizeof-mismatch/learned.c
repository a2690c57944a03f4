// Allocators the plugin learns from the TU (docs/policy.md, "What the plugin
// learns from the code") are judged like policy families: a wrapper inferred
// from its definition, an alloc_size attribute, an ownership_returns
// attribute, with no policy naming them.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <stddef.h>
#include <stdlib.h>

struct small { int a, b; };
struct big { long a, b, c; };

// Every non-NULL return is a fresh malloc block: a wrapper of libc's family.
static void *checked_alloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

__attribute__((alloc_size(1))) void *arena_get(size_t n);
__attribute__((ownership_returns(table))) void *table_alloc(size_t n);

void learned(void) {
  struct big *a = checked_alloc(sizeof(struct small)); // expected-warning {{allocates sizeof(struct small) = 8 bytes for 'a', which points to 'struct big' (24 bytes)}}
  struct big *b = arena_get(sizeof b); // expected-warning {{allocates the size of the pointer 'b' (8 bytes)}}
  struct big *c = table_alloc(sizeof(struct small)); // expected-warning {{allocates sizeof(struct small) = 8 bytes for 'c'}}
  struct big *d = checked_alloc(sizeof *d); // right
  (void)a; (void)b; (void)c; (void)d;
}

// Not an allocator: returns a pointer into a static buffer, so its size
// argument says nothing about what it returns.
static char pool[256];
static void *carve(size_t n) { return n <= sizeof pool ? pool : NULL; }

void not_learned(void) {
  struct big *e = carve(sizeof(struct small)); // no warning: not an allocator
  (void)e;
}
