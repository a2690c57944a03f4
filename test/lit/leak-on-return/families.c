// Policy allocator families: presets (sqlite3's two-argument releaser),
// never-null families (no test needed), releasers of each family.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/families.yaml -Xclang -verify %s

#include <stddef.h>

typedef struct sqlite3 sqlite3;
void *sqlite3_malloc(int n);
void sqlite3_free(void *p);
void *sqlite3DbMallocRaw(sqlite3 *db, unsigned long long n);
void sqlite3DbFree(sqlite3 *db, void *p);
void *xmalloc(size_t n);
char *xstrdup(const char *s);
void xfree(void *p);
void *pool_get(size_t n);
void pool_put(void *p);
int step(void *p);
int look(const void *p);
int addOp(int op, const char *p4);

int sqlite_public(int n) {
  char *z = sqlite3_malloc(n); // expected-note {{'z' is allocated here}}
  if (z == 0)
    return 7;
  if (look(z))
    return 1; // expected-warning {{'z' (from sqlite3_malloc()) leaks on this return}}
  sqlite3_free(z); // expected-note {{'z' is released on the other paths here}}
  return 0;
}

int sqlite_db(sqlite3 *db, int n) {
  char *z = sqlite3DbMallocRaw(db, n); // expected-note {{'z' is allocated here}}
  if (!z)
    return 7;
  z[0] = 0;
  if (n > 4)
    return 1; // expected-warning {{'z' (from sqlite3DbMallocRaw()) leaks on this return}}
  sqlite3DbFree(db, z); // expected-note {{'z' is released on the other paths here}}
  return 0;
}

// Never-null: no test needed before the block counts as live.
int never_null(const char *s) {
  char *copy = xstrdup(s); // expected-note {{'copy' is allocated here}}
  if (look(copy))
    return 1; // expected-warning {{'copy' (from xstrdup()) leaks on this return}}
  xfree(copy); // expected-note {{'copy' is released on the other paths here}}
  return 0;
}

// Not flagged: released by its family, handed to a function that may keep
// it, passed through an explicit cast to an opaque const slot
// (sqlite3VdbeAddOp4(..., (char *)pCtx, P4_FUNCCTX) keeps it), or unchecked.
int released(sqlite3 *db, int n) {
  char *z = sqlite3DbMallocRaw(db, n);
  if (!z)
    return 7;
  if (n > 3) {
    sqlite3DbFree(db, z);
    return 1;
  }
  sqlite3DbFree(db, z);
  return 0;
}

int kept(void) {
  void *p = pool_get(16);
  if (!p)
    return 2;
  if (step(p))
    return 3;
  pool_put(p);
  return 0;
}

int opaque_slot(void) {
  struct ctx { int a; } *c = xmalloc(sizeof *c);
  c->a = 1;
  return addOp(1, (char *)c);
}

int unchecked(int n) {
  void *p = pool_get(n);
  if (n > 2)
    return 1;
  pool_put(p);
  return 0;
}
