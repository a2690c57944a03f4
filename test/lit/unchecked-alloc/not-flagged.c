// What unchecked-alloc leaves alone: every check form, every skip clause.
// RUN: %memrules --target=x86_64-linux-gnu -isystem %S/Inputs -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// RUN: %memrules --target=x86_64-linux-gnu -DNDEBUG -isystem %S/Inputs -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys.h>

struct buf { size_t len; char *data; };
struct buf *global_buf;
void log_ptr(void *p);
void report_bug(const char *what);
__attribute__((noreturn)) void fatal(const char *what);

#define CHECK(x) do { if (!(x)) report_bug(#x); } while (0)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define likely(x) __builtin_expect(!!(x), 1)

// if (!p) return / if (p == NULL) / NULL == p / p == 0, before the use.
struct buf *not_p(void) {
  struct buf *b = malloc(sizeof *b);
  if (!b)
    return NULL;
  b->len = 0;
  return b;
}
int eq_null(size_t n) {
  char *p = malloc(n);
  if (p == NULL)
    return -1;
  memset(p, 0, n);
  free(p);
  return 0;
}
int null_eq(size_t n) {
  char *p = malloc(n);
  if (NULL == p || n == 0)
    return -1;
  p[0] = 0;
  free(p);
  return 0;
}
int sqlite_style(int n) {
  char *p;
  p = malloc(n);
  if (p == 0) return 7; /* SQLITE_NOMEM */
  p[0] = 0;
  free(p);
  return 0;
}
// `if (p)` guarding the use, `p && p->x`, `p ? ... : ...`.
void guarded(void) {
  struct buf *b = malloc(sizeof *b);
  if (b) {
    b->len = 0;
    free(b);
  }
}
size_t and_and(void) {
  struct buf *b = malloc(sizeof *b);
  size_t n = b && b->len;
  free(b);
  return n;
}
size_t ternary(void) {
  struct buf *b = calloc(1, sizeof *b);
  size_t n = b ? b->len : 0;
  free(b);
  return n;
}
// assert(p) (also compiled out with NDEBUG) and CHECK-like macros.
void asserted(void) {
  struct buf *b = malloc(sizeof *b);
  assert(b);
  b->len = 0;
  free(b);
}
void asserted_ne(void) {
  struct buf *b = malloc(sizeof *b);
  assert(b != NULL);
  b->len = 0;
  free(b);
}
void checked_macro(void) {
  struct buf *b = malloc(sizeof *b);
  CHECK(b != NULL);
  b->len = 0;
  free(b);
}
void expect_macros(size_t n) {
  char *p = malloc(n);
  if (unlikely(!p))
    return;
  p[0] = 0;
  char *q = malloc(n);
  if (likely(q))
    q[0] = 0;
  free(p);
  free(q);
}
// A condition that looks at the pointer some other way.
int valid(const void *p);
void validated(size_t n) {
  char *p = malloc(n);
  n--;
  if (!valid(p))
    return;
  p[0] = 0;
  free(p);
}
// A NULL test whose result is kept, then tested (redis's dictExpand).
int kept_test(size_t n, int *malloc_failed, char **out) {
  char *table = calloc(n, sizeof(char));
  *malloc_failed = table == NULL;
  if (*malloc_failed)
    return -1;
  table[0] = 1;
  char *other = malloc(n);
  int missing = !other;
  if (missing)
    return -1;
  other[0] = 1;
  *out = other;
  return 0;
}
// Early goto, abort, exit or a noreturn function on NULL.
int with_goto(size_t n) {
  char *p = malloc(n);
  if (!p)
    goto fail;
  p[0] = 0;
  free(p);
  return 0;
fail:
  return -1;
}
void aborts(size_t n) {
  char *p = malloc(n);
  if (!p)
    abort();
  p[0] = 0;
  char *q = malloc(n);
  if (q == NULL) {
    fputs("out of memory\n", stderr);
    exit(1);
  }
  q[0] = 0;
  char *r = malloc(n);
  if (!r)
    fatal("oom");
  r[0] = 0;
  free(p);
  free(q);
  free(r);
}
// A NULL check that does not leave: the path has a check.
void reported_not_left(size_t n) {
  char *p = malloc(n);
  if (!p)
    puts("out of memory");
  else
    p[0] = 0;
  free(p);
}
// The assignment inside the condition.
int in_condition(size_t n) {
  char *p;
  if ((p = malloc(n)) == NULL)
    return -1;
  p[0] = 0;
  free(p);
  while ((p = malloc(n)) != NULL) {
    p[0] = 0;
    free(p);
  }
  if (!(p = strdup("x")))
    return -1;
  p[0] = 'y';
  free(p);
  return 0;
}
// Checked on every path, each its own way.
void every_path(int c) {
  struct buf *b = malloc(sizeof *b);
  if (c) {
    if (!b)
      return;
  } else {
    assert(b);
  }
  b->len = 0;
  free(b);
}
// Releasing it (free handles NULL) and passing it where NULL is allowed are
// not uses.
void released(void) {
  char *p = malloc(8);
  log_ptr(p);
  free(p);
}
// Reassigned before the use.
void reassigned(char *other) {
  char *p = malloc(8);
  free(p);
  p = other;
  p[0] = 0;
}
// sizeof does not evaluate its operand.
size_t unevaluated(void) {
  struct buf *b = malloc(sizeof *b);
  size_t n = sizeof(b->len) + sizeof *b;
  free(b);
  return n;
}
// Its address is taken: a callee may change it; stop tracking.
void address_taken(void (*set)(char **)) {
  char *p = malloc(8);
  set(&p);
  p[0] = 0;
}
// Copied into another variable or a field that is then checked.
void copied_then_checked(struct buf *holder) {
  char *p = malloc(8);
  char *q = p;
  if (!q)
    return;
  p[0] = 0;
  char *r = malloc(8);
  holder->data = r;
  if (!holder->data)
    return;
  r[0] = 0;
}
// Into an initializer or a compound literal, or as a conditional's value.
void into_aggregate(struct buf *out, int c, char *fallback) {
  char *p = malloc(8);
  struct buf w = {0, p};
  if (!w.data)
    return;
  p[0] = 0;
  char *q = malloc(8);
  *out = (struct buf){0, q};
  if (!out->data)
    return;
  q[0] = 0;
  char *r = malloc(8);
  char *s = c ? r : fallback;
  if (!s)
    return;
  r[0] = 0;
}
// Checked in the loop condition, used in the body.
void loop_condition(void) {
  struct buf *b = malloc(sizeof *b);
  while (b != NULL && b->len > 0) {
    b->len--;
  }
  free(b);
}
// Not a local: globals and fields belong to other functions too.
void not_local(struct buf *holder) {
  global_buf = malloc(sizeof *global_buf);
  global_buf->len = 0;
  holder->data = malloc(4);
  holder->data[0] = 0;
}
// Returned unused.
char *returned(size_t n) {
  char *p = malloc(n);
  return p;
}
// Passed on unused: the caller decides.
void passed_on(size_t n) { log_ptr(malloc(n)); }
// The system header's own code and macros.
char first_of(const char *s) {
  sys_fill(4);
  return SYS_DUP_FIRST(s);
}
// The address of what it points to is not a dereference.
char *end_of(size_t n) {
  char *p = malloc(n);
  char *end = p + n;
  if (!p)
    return NULL;
  return end;
}
