// What realloc-leak flags: the result of realloc assigned back to the very
// lvalue passed to it, in every lvalue form.
// RUN: %memrules -Xclang -verify %s

#include <stdlib.h>

struct buf {
  char *data;
  size_t len;
};

struct outer {
  struct buf inner;
  size_t count;
};

void use(void *p);

void local_var(size_t n) {
  char *buf = malloc(16);
  buf = realloc(buf, n); // expected-warning {{if realloc fails, 'buf' is overwritten with NULL and the block it pointed to leaks; assign the result to a temporary first [memrules-realloc-leak]}}
  use(buf);
  free(buf);
}

void through_pointer(struct buf *s, size_t n) {
  s->data = realloc(s->data, n); // expected-warning {{if realloc fails, 's->data' is overwritten}}
}

void member(size_t n) {
  struct buf s = {0, 0};
  s.data = realloc(s.data, n); // expected-warning {{if realloc fails, 's.data' is overwritten}}
  use(s.data);
  free(s.data);
}

void element(char **a, int i, size_t n) {
  a[i] = realloc(a[i], n); // expected-warning {{if realloc fails, 'a[i]' is overwritten}}
  a[3] = realloc(a[3], n); // expected-warning {{if realloc fails, 'a[3]' is overwritten}}
}

void deref(char **pp, size_t n) {
  *pp = realloc(*pp, n); // expected-warning {{if realloc fails, '*pp' is overwritten}}
  (*pp) = (realloc)((*pp), n); // expected-warning {{if realloc fails, '(*pp)' is overwritten}}
}

void nested_member(struct outer *o, size_t n) {
  o->inner.data = realloc(o->inner.data, n); // expected-warning {{if realloc fails, 'o->inner.data' is overwritten}}
}

void with_cast(int *p, size_t n) {
  int **pp = &p;
  *pp = (int *)realloc(*pp, n * sizeof **pp); // expected-warning {{if realloc fails, '*pp' is overwritten}}
}

void array_form(size_t n) {
  int *v = malloc(4 * sizeof *v);
  v = reallocarray(v, n, sizeof *v); // expected-warning {{if reallocarray fails, 'v' is overwritten with NULL and the block it pointed to leaks; assign the result to a temporary first [memrules-realloc-leak]}}
  use(v);
  free(v);
}

void in_loop(struct buf *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    s->data = realloc(s->data, i + 1); // expected-warning {{if realloc fails, 's->data' is overwritten}}
}

// An error path that returns is still a leak: only a program exit is not.
int checked_but_leaks(struct buf *s, size_t n) {
  s->data = realloc(s->data, n); // expected-warning {{if realloc fails, 's->data' is overwritten}}
  if (!s->data)
    return -1;
  return 0;
}

// The saved copy is overwritten before the call: it no longer holds the block.
void saved_then_overwritten(char *other, size_t n) {
  char *buf = malloc(8);
  char *old = buf;
  old = other;
  buf = realloc(buf, n); // expected-warning {{if realloc fails, 'buf' is overwritten}}
  use(old);
  free(buf);
}
