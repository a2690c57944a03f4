// Policy allocator families (here the sqlite3 preset and a declared pool):
// their sizes are read where the declaration says (one integer parameter,
// last, in a function returning void *), their releasers end the block.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/families.yaml -Xclang -verify %s

#include <stddef.h>

typedef struct sqlite3 sqlite3;
void *sqlite3_malloc(int n);
void sqlite3_free(void *p);
void *sqlite3DbMallocRaw(sqlite3 *db, unsigned long long n);
void sqlite3DbFree(sqlite3 *db, void *p);
void *pool_get(size_t n);
void pool_put(void *p);
char *pool_name(void);
void visit(int node);

int sqlite_public(int n, int rounds) {
  char *z = sqlite3_malloc(n); // expected-note {{allocated here}}
  if (z == 0)
    return 7;
  z[0] = 0; // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
  sqlite3_free(z); // expected-warning {{'z' (from sqlite3_malloc(), of a size known only at run time) is released only after a loop}}
  return 0;
}

int sqlite_db(sqlite3 *db, int n, int rounds) {
  char *z = sqlite3DbMallocRaw(db, n); // expected-note {{allocated here}}
  if (!z)
    return 7;
  z[0] = 0; // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
  sqlite3DbFree(db, z); // expected-warning {{'z' (from sqlite3DbMallocRaw(), of a size known only at run time) is released only after a loop}}
  return 0;
}

// Small constant sizes of a family: not reported.
int pool_small(int rounds) {
  char *p = pool_get(64);
  if (!p)
    return -1;
  p[0] = 0;
  for (int i = 0; i < rounds; i++)
    visit(i);
  pool_put(p);
  return 0;
}
