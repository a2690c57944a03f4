// Policy allocator families: those that return NULL are judged like malloc;
// families marked never-null (xmalloc-style, redis's zmalloc) are not.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/families.yaml -Xclang -verify %s

#include <stddef.h>
#include <string.h>

typedef struct sqlite3 sqlite3;
struct sqlite3 { unsigned char mallocFailed; };
typedef struct Parse { sqlite3 *db; } Parse;
void *sqlite3_malloc(int n);
void sqlite3_free(void *p);
void *sqlite3DbMallocRaw(sqlite3 *db, unsigned long long n);
void sqlite3DbFree(sqlite3 *db, void *p);
void *zmalloc(size_t n);
void *ztrymalloc(size_t n);
void zfree(void *p);
void *pool_get(size_t n);
void pool_put(void *p);
void *xmalloc(size_t n);
char *xstrdup(const char *s);
void use(void *p);

#define SQLITE_NOMEM 7

int sqlite_checked(int n) {
  char *p = sqlite3_malloc(n);
  if (p == 0) return SQLITE_NOMEM;
  memset(p, 0, n);
  sqlite3_free(p);
  return 0;
}

int sqlite_unchecked(int n) {
  char *p = sqlite3_malloc(n); // expected-note {{'p' is allocated here and may be NULL}}
  p[0] = 0; // expected-warning {{'p' is indexed before any NULL check, but sqlite3_malloc() returns NULL when memory runs out}}
  sqlite3_free(p);
  return 0;
}

void sqlite_db(sqlite3 *db, unsigned long long n) {
  char *p = sqlite3DbMallocRaw(db, n); // expected-note {{'p' is allocated here}}
  memcpy(p, "x", 1); // expected-warning {{'p' is passed to memcpy() before any NULL check, but sqlite3DbMallocRaw() returns NULL}}
  sqlite3DbFree(db, p);
}

// Releasing through the family (the releaser handles NULL) is not a use.
void sqlite_released(sqlite3 *db, unsigned long long n) {
  char *p = sqlite3DbMallocRaw(db, n);
  use(p);
  sqlite3DbFree(db, p);
}

// redis: zmalloc aborts on OOM (never-null); ztrymalloc returns NULL.
void redis(size_t n) {
  char *a = zmalloc(n);
  a[0] = 0;
  zfree(a);
  char *b = ztrymalloc(n); // expected-note {{'b' is allocated here}}
  b[0] = 0; // expected-warning {{'b' is indexed before any NULL check, but ztrymalloc() returns NULL}}
  zfree(b);
}

void project(size_t n, const char *s) {
  char *a = xmalloc(n);
  a[0] = 0;
  char *d = xstrdup(s);
  d[0] = 0;
  char *p = pool_get(n); // expected-note {{'p' is allocated here}}
  p[0] = 0; // expected-warning {{'p' is indexed before any NULL check, but pool_get() returns NULL}}
  pool_put(p);
}

// The allocator records failure in the context it was given: checking that
// flag (sqlite's db->mallocFailed) checks the allocation.
int *malloc_failed(Parse *pParse, sqlite3 *db, int n) {
  int *aiMap = sqlite3DbMallocRaw(pParse->db, n * sizeof(int));
  if (pParse->db->mallocFailed) return 0;
  aiMap[0] = 0;
  struct Info { int x; } *pInfo = sqlite3DbMallocRaw(db, sizeof(*pInfo));
  if (db->mallocFailed) {
    sqlite3DbFree(db, pInfo);
    return 0;
  }
  pInfo->x = 1;
  return aiMap;
}

// A flag of some other object is not that check.
struct other { int failed; };
void other_flag(sqlite3 *db, struct other *o) {
  char *p = sqlite3DbMallocRaw(db, 8); // expected-note {{'p' is allocated here}}
  if (o->failed) return;
  p[0] = 0; // expected-warning {{'p' is indexed before any NULL check}}
  sqlite3DbFree(db, p);
}
