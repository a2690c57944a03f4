#include <stdlib.h>
#include <string.h>

void sqlite3_free(void *p);

struct table { int n; int *items; };

struct table *table_new(int n) {
  struct table *t = malloc(sizeof *t);
  if (!t)
    return NULL;
  t->n = n;
  t->items = calloc(n, sizeof *t->items);
  return t;
}

void table_free(struct table *t) {
  if (!t)
    return;
  free(t->items);
  free(t);
}

char *text_dup(const char *s) { return strdup(s); }

void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (p == NULL)
    abort();
  return p;
}

void *zeroed(size_t n) {
  void *p = malloc(n);
  if (p)
    memset(p, 0, n);
  return p;
}

void sqlite_release(void *p) { sqlite3_free(p); }
