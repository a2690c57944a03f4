// What realloc-leak must not flag.
// RUN: %memrules -Xclang -verify %s
// expected-no-diagnostics

#include <stdlib.h>

struct buf {
  char *data;
  size_t len;
};

void use(void *p);
void fatal(const char *msg) __attribute__((noreturn));
void *reallocf(void *p, size_t n); // BSD: frees the block on failure

int temporary(struct buf *s, size_t n) {
  char *grown = realloc(s->data, n);
  if (!grown)
    return -1;
  s->data = grown;
  return 0;
}

int saved_old(size_t n) {
  char *p = malloc(8);
  char *old = p;
  p = realloc(p, n);
  if (!p) {
    free(old);
    return -1;
  }
  use(p);
  free(p);
  return 0;
}

int saved_field(struct buf *s, size_t n) {
  void *old;
  old = s->data;
  s->data = realloc(s->data, n);
  if (!s->data) {
    free(old);
    return -1;
  }
  return 0;
}

void saved_in_loop(struct buf *s, size_t n) {
  void *old = 0;
  for (size_t i = 0; i < n; i++) {
    s->data = realloc(s->data, i + 1);
    if (!s->data) {
      free(old);
      return;
    }
    old = s->data;
  }
}

void different_lvalues(char *q, size_t n) {
  char *p = malloc(8);
  q = realloc(p, n);
  use(q);
  free(q);
}

void different_elements(char **a, size_t n) {
  a[1] = realloc(a[0], n);
}

void different_members(struct buf *s, struct buf *t, size_t n) {
  s->data = realloc(t->data, n);
}

void bsd_reallocf(size_t n) {
  char *p = malloc(8);
  p = reallocf(p, n);
  use(p);
  free(p);
}

// A by-value parameter: the caller's argument still points at the old block.
char *passthrough(char *p, size_t n) {
  p = realloc(p, n);
  return p;
}

// Failure ends the program: nothing is left to leak to.
void dies_on_failure(struct buf *s, size_t n) {
  s->data = realloc(s->data, n);
  if (!s->data)
    abort();
  s->data = realloc(s->data, n * 2);
  if (s->data == NULL) {
    use(0);
    fatal("out of memory");
  }
}

void fresh_allocation(size_t n) {
  char *p = 0;
  p = realloc(0, n);
  use(p);
  free(p);
}
