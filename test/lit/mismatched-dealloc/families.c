// Policy allocator families: an allocation released by another family's
// releaser (or by libc's free) is crossed; sub-families of one preset and a
// family without releasers (an arena) are not judged.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/families.yaml -Xclang -verify %s

#include <stdlib.h>

typedef struct sqlite3 sqlite3;
void *sqlite3_malloc(int n);
void sqlite3_free(void *p);
void *sqlite3DbMallocRaw(sqlite3 *db, unsigned long long n);
void sqlite3DbFree(sqlite3 *db, void *p);
void *pool_get(size_t n);
char *pool_strdup(const char *s);
void pool_put(void *p);
void *xmalloc(size_t n);
void xfree(void *p);
void *arena_alloc(size_t n);
void use(void *p);

void crossed(size_t n) {
  void *p = pool_get(n); // expected-note {{'p' is allocated with pool_get() here}}
  use(p);
  xfree(p); // expected-warning {{'p' was allocated with pool_get() but is released with xfree(), which is undefined behaviour (the heap can be corrupted); use pool_put() [memrules-mismatched-dealloc]}}
}

void policy_to_libc(size_t n) {
  char *s = pool_strdup("x"); // expected-note {{'s' is allocated with pool_strdup() here}}
  use(s);
  free(s); // expected-warning {{'s' was allocated with pool_strdup() but is released with free(), which is undefined behaviour (the heap can be corrupted); use pool_put()}}
}

void libc_to_policy(size_t n) {
  char *s = malloc(n); // expected-note {{'s' is allocated with malloc() here}}
  use(s);
  pool_put(s); // expected-warning {{'s' was allocated with malloc() but is released with pool_put(), which is undefined behaviour (the heap can be corrupted); use free()}}
}

void preset_crossed(int n) {
  char *s = sqlite3_malloc(n); // expected-note {{'s' is allocated with sqlite3_malloc() here}}
  use(s);
  free(s); // expected-warning {{'s' was allocated with sqlite3_malloc() but is released with free(), which is undefined behaviour (the heap can be corrupted); use sqlite3_free()}}
}

// Not flagged.
void matching(size_t n) {
  void *a = pool_get(n);
  void *b = xmalloc(n);
  void *c = sqlite3_malloc((int)n);
  use(a);
  use(b);
  use(c);
  pool_put(a);
  xfree(b);
  sqlite3_free(c);
}

// sqlite3DbFree accepts sqlite3_malloc memory: one preset, one allocator.
void preset_sub_families(sqlite3 *db, int n) {
  void *p = sqlite3_malloc(n);
  void *q = sqlite3DbMallocRaw(db, n);
  use(p);
  use(q);
  sqlite3DbFree(db, p);
  sqlite3DbFree(db, q);
}

// An arena's blocks have no releaser to suggest.
void arena(size_t n) {
  void *p = arena_alloc(n);
  use(p);
  free(p);
}
