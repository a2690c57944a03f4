// Functions that are NOT wrappers: a static buffer, a pointer into an
// existing object, a cached object, a block also kept elsewhere, a release
// under a condition (a reference count), a parameter released after it was
// moved. Calls to them are judged as calls to any function: no finding.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/glib.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <stdlib.h>
#include <string.h>

void g_free(void *p);
void use(void *p);

char *static_buffer(void) {
  static char buf[64];
  return buf;
}

struct node { struct node *next; char name[16]; int refs; };

char *name_of(struct node *n) { return n->name; }

char *inside(size_t n) {
  char *p = malloc(n + 16);
  if (!p)
    return NULL;
  return p + 16; // a pointer into the block, not the block
}

static struct node *cache;
struct node *cached(void) {
  if (cache)
    return cache;
  cache = malloc(sizeof *cache);
  return cache;
}

struct node *maybe_cached(void) {
  struct node *n = cache;
  if (!n)
    n = malloc(sizeof *n);
  return n;
}

struct node *registered(void) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return NULL;
  n->next = cache;
  cache = n; // also kept in the list
  return n;
}

void unref(struct node *n) {
  if (--n->refs == 0)
    free(n);
}

void free_list(struct node *n) {
  while (n) {
    struct node *next = n->next;
    free(n);
    n = next;
  }
}

void free_if(struct node *n, int owned) {
  if (owned)
    free(n);
}

void loops(int rounds) {
  for (int i = 0; i < rounds; i++) {
    struct node *n = cached();
    unref(n);
    struct node *m = maybe_cached();
    free_if(m, i);
    char *s = inside(8);
    g_free(s);
    struct node *r = registered();
    r->refs = 1;
    unref(r);
  }
}

int no_leak(struct node *n) {
  char *s = name_of(n);
  if (!s[0])
    return -1;
  char *b = static_buffer();
  b[0] = 0;
  return 0;
}
