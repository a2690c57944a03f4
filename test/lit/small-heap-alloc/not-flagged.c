// What small-heap-alloc must not flag: one function per skip clause of
// docs/rules/small-heap-alloc.md.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <stdlib.h>
#include <string.h>

struct node {
  struct node *next;
  int value;
};
struct list {
  struct node *head;
};
struct msg {
  int len;
  char text[]; // flexible array member
};
struct opaque;

void list_insert(struct list *l, struct node *n); // may keep n
static void push(struct list *l, struct node *n) { l->head = n; }
struct node *g_last;
void consume(char *p); // unknown, non-const: may keep it
int register_name(const char *name); // unknown: may keep it, const or not
int use(const char *p);
void release(void *p); // defined elsewhere: not known to free

// A size known only at run time.
int runtime_size(size_t n) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  buf[0] = 0;
  free(buf);
  return 0;
}

// Larger than max-bytes.
int too_large(void) {
  char *buf = malloc(129);
  if (!buf)
    return -1;
  buf[0] = 0;
  free(buf);
  return 0;
}

// malloc(0): nothing to put on the stack.
int zero(void) {
  char *p = malloc(0);
  free(p);
  return 0;
}

// Returned.
char *returned(void) {
  char *p = malloc(16);
  if (p)
    p[0] = 0;
  return p;
}

// Stored to a global (the real pattern: malloc(sizeof *p), later kept).
int stored_global(int v) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return -1;
  n->value = v;
  if (v > 10) {
    g_last = n;
    return 1;
  }
  free(n);
  return 0;
}

// Stored into another object.
int stored_field(struct list *l, int v) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return -1;
  n->value = v;
  l->head = n;
  if (v < 0) {
    l->head = NULL;
    free(n);
  }
  return 0;
}

// Passed to an unknown function with a non-const pointer parameter that
// keeps it (a list insert), freed only on the error path.
int list_add(struct list *l, int v) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return -1;
  n->value = v;
  if (v < 0) {
    free(n);
    return -1;
  }
  list_insert(l, n);
  return 0;
}

// The file's own function that keeps it.
int pushed(struct list *l, int v) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return -1;
  n->value = v;
  if (v < 0) {
    free(n);
    return -1;
  }
  push(l, n);
  return 0;
}

// An unknown function with a non-const parameter, even though freed after.
int unknown_callee(void) {
  char *p = malloc(8);
  if (!p)
    return -1;
  consume(p);
  free(p);
  return 0;
}

// Address taken.
int address_taken(void) {
  char *p = malloc(8);
  char **pp = &p;
  (*pp)[0] = 0;
  free(p);
  return 0;
}

// Copied into another variable.
int aliased(void) {
  char *p = malloc(8);
  char *q = p;
  q[0] = 0;
  free(q);
  return 0;
}

// Never freed in the function (a leak, or kept elsewhere).
int not_freed(void) {
  char *p = malloc(8);
  if (!p)
    return -1;
  p[0] = 0;
  return use(p);
}

// Freed by a helper the TU does not define: it may keep the block.
int freed_by_helper(void) {
  char *p = malloc(8);
  if (!p)
    return -1;
  p[0] = 0;
  release(p);
  return 0;
}

// Realloc'ed: the size changes later.
int grown(size_t n) {
  char *p = malloc(16);
  if (!p)
    return -1;
  char *q = realloc(p, n);
  if (!q) {
    free(p);
    return -1;
  }
  free(q);
  return 0;
}
int grown_in_place(size_t n) {
  char *p = malloc(16);
  p = realloc(p, n);
  free(p);
  return 0;
}
int realloc_null(void) {
  char *p = realloc(NULL, 16);
  free(p);
  return 0;
}

// A flexible array member: the struct's size is chosen at allocation.
int flexible(void) {
  struct msg *m = malloc(sizeof(struct msg) + 16);
  if (!m)
    return -1;
  m->len = 16;
  free(m);
  return 0;
}

// Incomplete pointee: cannot be declared as a local.
int incomplete(void) {
  struct opaque *o = malloc(16);
  free(o);
  return 0;
}

// Another value in the variable besides the block and NULL.
int two_blocks(int big) {
  char *p = malloc(16);
  if (big) {
    free(p);
    p = malloc(32);
  }
  free(p);
  return 0;
}

// In a loop body: alloc-in-loop's finding (one finding per problem).
int in_loop(int n) {
  int sum = 0;
  for (int i = 0; i < n; i++) {
    int *tmp = malloc(4 * sizeof(int));
    if (!tmp)
      return -1;
    tmp[0] = i;
    sum += tmp[0];
    free(tmp);
  }
  return sum;
}

// Not held in a local: a field, a global, a static, a parameter.
static char *g_buf;
int not_local(struct list *l, char *param) {
  static char *cached;
  g_buf = malloc(8);
  free(g_buf);
  cached = malloc(8);
  free(cached);
  param = malloc(8);
  free(param);
  l->head = malloc(sizeof(struct node));
  free(l->head);
  return 0;
}

// A pointer derived from the block escapes.
char *derived(void) {
  char *p = malloc(16);
  char *end = p + 8;
  free(p);
  return end;
}

// strdup: the size is not a constant.
int copied(const char *s) {
  char *c = strdup(s);
  int n = use(c);
  free(c);
  return n;
}

// volatile or cleanup variables.
static void cleanup_free(char **p) { free(*p); }
int special(void) {
  char *volatile v = malloc(8);
  free(v);
  __attribute__((cleanup(cleanup_free))) char *c = malloc(8);
  return 0;
}

// Not a libc declaration of malloc.
struct arena;
void *arena_malloc(struct arena *a, size_t n);
int project_malloc(struct arena *a) {
  char *p = arena_malloc(a, 8);
  p[0] = 0;
  free(p);
  return 0;
}

// Captured by a block or returned through a statement expression.
int through_stmt_expr(void) {
  char *p = malloc(8);
  char *q = ({ p[0] = 0; p; });
  free(q);
  return 0;
}

// Only tested and released: a probe of the allocator (sqlite3OsInit
// simulates a malloc failure this way), not a buffer.
int probe(void) {
  void *p = malloc(10);
  if (p == NULL)
    return -1;
  free(p);
  struct node *n = malloc(sizeof *n); // sizeof does not use it
  if (!n)
    return -1;
  free(n);
  return 0;
}

// Lent to a function the file does not define: even through a const
// parameter it may keep the block (here on success, when it is not freed).
int registered(int id) {
  char *name = malloc(16);
  if (!name)
    return -1;
  name[0] = (char)id;
  name[1] = 0;
  if (register_name(name) != 0) {
    free(name);
    return -1;
  }
  return 0;
}
