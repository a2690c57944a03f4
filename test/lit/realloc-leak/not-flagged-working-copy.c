// A working copy of a pointer the caller still holds (sqlite3's mem1.c):
// a failed realloc loses nothing in this function.
// RUN: %memrules -Xclang -verify %s

#include <stdlib.h>

void *resize_with_header(void *prior, int bytes) {
  long long *p = (long long *)prior;
  p--;
  p = realloc(p, (size_t)bytes + 8);
  if (p)
    p++;
  return p;
}

// The copy is reassigned from elsewhere first: the block it then holds is
// the function's own, and a failed realloc leaks it.
void *own_block(void *prior, int bytes, int fresh) {
  char *p = (char *)prior;
  if (fresh)
    p = malloc(16);
  p = realloc(p, (size_t)bytes); // expected-warning {{if realloc fails, 'p' is overwritten with NULL}}
  return p;
}

// A working copy of a field or of *pp (sqlite3's fts3/fts5): the field still
// holds the old block when realloc fails.
struct list { int *items; int n; };
int grow_field(struct list *l) {
  int *items = l->items;
  items = realloc(items, (size_t)(l->n + 1) * sizeof *items);
  if (!items)
    return -1;
  l->items = items;
  return 0;
}

int grow_through(char **pp, size_t n) {
  char *p = *pp;
  p = realloc(p, n);
  if (!p) {
    free(*pp);
    *pp = 0;
    return -1;
  }
  *pp = p;
  return 0;
}

// The field is overwritten before the realloc: the copy is then the only
// pointer to the old block.
int field_overwritten(struct list *l) {
  int *items = l->items;
  l->items = 0;
  items = realloc(items, 16); // expected-warning {{if realloc fails, 'items' is overwritten with NULL}}
  l->items = items;
  return items != 0;
}

// sqlite3's group_concat: the base pointer is set before the copy is made,
// and the copy is assigned a fresh block only on the other branch.
struct ctx { int *lengths; int n; };
struct ctx *context_of(void *handle);
void track(void *handle) {
  struct ctx *c;
  c = context_of(handle);
  int *lengths = c->lengths;
  if (lengths == 0)
    lengths = malloc(4 * sizeof *lengths);
  else
    lengths = realloc(lengths, (size_t)c->n * sizeof *lengths);
  if (lengths)
    c->lengths = lengths;
}
