// Policy allocator families (the sqlite3 preset and a declared pool): their
// sizes are read where the declaration says, and only the family's own
// deallocator counts as the release.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/families.yaml -Xclang -verify %s

#include <stddef.h>
#include <stdlib.h>

typedef struct sqlite3 sqlite3;
void *sqlite3_malloc(int n);
void sqlite3_free(void *p);
void *sqlite3DbMallocRaw(sqlite3 *db, unsigned long long n);
void sqlite3DbFree(sqlite3 *db, void *p);
void *pool_get(size_t n);
void pool_put(void *p);

int public_api(void) {
  char *z = sqlite3_malloc(24); // expected-warning {{'z' holds 24 bytes from sqlite3_malloc()}}
  if (z == 0)
    return 7;
  z[0] = 0;
  sqlite3_free(z); // expected-note {{'z' is freed here}}
  return 0;
}

int with_db(sqlite3 *db) {
  int *a = sqlite3DbMallocRaw(db, 4 * sizeof(int)); // expected-warning {{'a' holds 16 bytes from sqlite3DbMallocRaw()}}
  if (!a)
    return 7;
  a[0] = 1;
  int r = a[0];
  sqlite3DbFree(db, a); // expected-note {{'a' is freed here}}
  return r;
}

int pool(void) {
  char *p = pool_get(40); // expected-warning {{'p' holds 40 bytes from pool_get()}}
  p[0] = 0;
  pool_put(p); // expected-note {{'p' is freed here}}
  return 0;
}

// Another family's deallocator: mismatched-dealloc's, not this rule's.
int crossed(void) {
  char *p = pool_get(40);
  p[0] = 0;
  free(p);
  return 0;
}

// Runtime size through a family.
int runtime(int n) {
  char *z = sqlite3_malloc(n);
  if (!z)
    return 7;
  z[0] = 0;
  sqlite3_free(z);
  return 0;
}
