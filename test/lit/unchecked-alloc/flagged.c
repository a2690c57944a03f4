// unchecked-alloc: an allocation that can return NULL, held in a local, is
// used where NULL is not allowed before any NULL check on that path.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <stdlib.h>
#include <string.h>

struct buf { size_t len; char data[16]; };
void fill(char *dst, size_t n) __attribute__((nonnull(1)));
void fill_all(char *dst, const char *src) __attribute__((nonnull));
void log_ptr(void *p);

void deref(void) {
  int *p = malloc(sizeof *p); // expected-note {{'p' is allocated here and may be NULL}}
  *p = 0; // expected-warning {{'p' is dereferenced before any NULL check, but malloc() returns NULL when memory runs out, so the program crashes here instead of handling the failure; check 'p' for NULL first [memrules-unchecked-alloc]}}
  free(p);
}

struct buf *member(size_t n) {
  struct buf *b = malloc(sizeof *b); // expected-note {{'b' is allocated here}}
  b->len = n; // expected-warning {{'b' is dereferenced before any NULL check, but malloc() returns NULL}}
  return b;
}

char *indexed(size_t n) {
  char *s;
  s = malloc(n + 1); // expected-note {{'s' is allocated here}}
  s[n] = '\0'; // expected-warning {{'s' is indexed before any NULL check}}
  return s;
}

char *copied(const char *src, size_t n) {
  char *d = (char *)malloc(n); // expected-note {{'d' is allocated here}}
  memcpy(d, src, n); // expected-warning {{'d' is passed to memcpy() before any NULL check}}
  return d;
}

int *zeroed(size_t n) {
  int *v = calloc(n, sizeof *v); // expected-note {{'v' is allocated here}}
  memset(v, 0xff, n * sizeof *v); // expected-warning {{'v' is passed to memset() before any NULL check, but calloc() returns NULL}}
  return v;
}

char *upper(const char *s) {
  char *d = strdup(s); // expected-note {{'d' is allocated here}}
  d[0] = 'A'; // expected-warning {{'d' is indexed before any NULL check, but strdup() returns NULL}}
  return d;
}

size_t prefix(const char *s) {
  char *d = strndup(s, 4); // expected-note {{'d' is allocated here}}
  size_t n = strlen(d); // expected-warning {{'d' is passed to strlen() before any NULL check, but strndup() returns NULL}}
  free(d);
  return n;
}

char *grown(char *old, size_t n) {
  char *q = realloc(old, n); // expected-note {{'q' is allocated here}}
  q[n - 1] = 0; // expected-warning {{'q' is indexed before any NULL check, but realloc() returns NULL}}
  return q;
}

void *aligned(void) {
  double *a = aligned_alloc(64, 64 * sizeof(double)); // expected-note {{'a' is allocated here}}
  a[0] = 1.0; // expected-warning {{'a' is indexed before any NULL check, but aligned_alloc() returns NULL}}
  return a;
}

// A parameter declared nonnull, by position or for all pointer parameters.
void nonnull_position(size_t n) {
  char *p = malloc(n); // expected-note {{'p' is allocated here}}
  fill(p, n); // expected-warning {{'p' is passed to fill() before any NULL check}}
  free(p);
}

void nonnull_all(const char *src) {
  char *p = malloc(64); // expected-note {{'p' is allocated here}}
  fill_all(p, src); // expected-warning {{'p' is passed to fill_all() before any NULL check}}
  free(p);
}

// Checked on one path only: the other path reaches the use unchecked.
struct buf *one_path(int careful) {
  struct buf *b = malloc(sizeof *b); // expected-note {{'b' is allocated here}}
  if (careful) {
    if (!b)
      return NULL;
  }
  b->len = 0; // expected-warning {{'b' is dereferenced before any NULL check}}
  return b;
}

// The check comes too late.
struct buf *late_check(void) {
  struct buf *b = malloc(sizeof *b); // expected-note {{'b' is allocated here}}
  b->len = 0; // expected-warning {{'b' is dereferenced before any NULL check}}
  if (!b)
    return NULL;
  return b;
}

// One finding per allocation, at the first unchecked use.
void first_use_only(void) {
  struct buf *b = malloc(sizeof *b); // expected-note {{'b' is allocated here}}
  b->len = 1; // expected-warning {{'b' is dereferenced before any NULL check}}
  b->data[0] = 0;
  memset(b->data, 0, sizeof b->data);
  free(b);
}

// Checking another pointer does not check this one.
void other_checked(void) {
  char *a = malloc(8);
  char *b = malloc(8); // expected-note {{'b' is allocated here}}
  if (!a)
    return;
  a[0] = b[0]; // expected-warning {{'b' is indexed before any NULL check}}
  free(a);
  free(b);
}

// Reassigned on one path only.
void reassigned_sometimes(char *fallback, int c) {
  char *p = malloc(8); // expected-note {{'p' is allocated here}}
  if (c)
    p = fallback;
  p[0] = 0; // expected-warning {{'p' is indexed before any NULL check}}
}

// Per iteration, in a loop.
void in_loop(char **out, int n) {
  for (int i = 0; i < n; i++) {
    char *s = malloc(4); // expected-note {{'s' is allocated here}}
    s[0] = 'x'; // expected-warning {{'s' is indexed before any NULL check}}
    out[i] = s;
  }
}

// Passing it to a function that may keep it is not a check.
void logged(void) {
  int *p = malloc(sizeof *p); // expected-note {{'p' is allocated here}}
  log_ptr(p);
  *p = 1; // expected-warning {{'p' is dereferenced before any NULL check}}
  free(p);
}

// Two allocations reaching one use: one finding.
void two_sources(int c) {
  char *p;
  if (c)
    p = malloc(8); // expected-note {{'p' is allocated here}}
  else
    p = malloc(16);
  p[0] = 0; // expected-warning {{'p' is indexed before any NULL check}}
  free(p);
}

// A use inside a condition is judged before the condition ends the stretch.
int used_in_condition(size_t n) {
  char *p = malloc(n); // expected-note {{'p' is allocated here}}
  n--;
  if (p[0] == 'x') // expected-warning {{'p' is indexed before any NULL check}}
    return 1;
  free(p);
  return 0;
}
