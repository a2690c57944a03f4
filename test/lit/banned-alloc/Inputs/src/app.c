#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n);

struct pool { void *(*alloc)(size_t); };

char *copy_name(const char *name) {
  char *p = malloc(strlen(name) + 1); // expected-warning {{'malloc' is banned in this project: use xmalloc() from util/alloc.h [memrules-banned-alloc]}}
  strcpy(p, name); // memrules:ignore(unchecked-alloc) not this test's rule
  return p;
}

char *dup_name(const char *name) {
  return strdup(name); // expected-warning {{'strdup' is banned in this project: use xstrdup() [memrules-banned-alloc]}}
}

int *zeroed(size_t n) {
  return calloc(n, sizeof(int)); // expected-warning {{'calloc' is banned in this project [memrules-banned-alloc]}}
}

// Taking the address is a use too: the pointer will be called.
struct pool default_pool = {malloc}; // expected-warning {{'malloc' is banned in this project}}

void *through_wrapper(size_t n) {
  return xmalloc(n); // the project's own allocator: fine
}

void release(void *p) {
  free(p); // not listed
}

// memrules:ignore(banned-alloc) a third-party callback signature needs it
void *(*const plain_alloc)(size_t) = malloc;
