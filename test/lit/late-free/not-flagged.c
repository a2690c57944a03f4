// What late-free must not flag: one function per skip clause of
// docs/rules/late-free.md.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct tree {
  int n;
  int *node;
  const char *text;
};

void visit(int node);
// The file's own parser: reads its input and keeps no pointer into it
// (a parser declared without a body could: it would keep the block).
static int parse(const char *raw, size_t n, struct tree *t) {
  int commas = 0;
  for (size_t i = 0; i < n; i++)
    commas += raw[i] == ',';
  t->n = commas;
  return commas;
}
void keep(char *p);               // may keep its argument
int lend(const char *p);          // defined elsewhere: may keep it too
void destroy(struct tree *t);

// Released right after its last use.
int early(int fd, size_t n, struct tree *t) {
  char *raw = malloc(n);
  if (!raw)
    return -1;
  parse(raw, n, t);
  free(raw);
  for (int i = 0; i < t->n; i++)
    visit(t->node[i]);
  return 0;
}

// The loop uses the block.
int used_in_loop(size_t n) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  memset(buf, 0, n);
  for (size_t i = 0; i < n; i++)
    visit(buf[i]);
  free(buf);
  return 0;
}

// Another variable points into the block, and the loop uses that one.
int alias_local(size_t n) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  char *end = buf + n;
  memset(buf, 0, n);
  while (end-- != NULL && n--)
    visit(*end);
  free(buf);
  return 0;
}

// Stored in a struct, which the loop reads.
int alias_struct(size_t n, struct tree *t) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  t->text = buf;
  for (int i = 0; i < t->n; i++)
    visit(t->text[i]);
  free(buf);
  return 0;
}

// Passed to a function that may keep it (non-const parameter, or a const
// one of a function not defined here: a parser may point into its input).
int may_keep(size_t n, int rounds) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  keep(buf);
  for (int i = 0; i < rounds; i++)
    visit(i);
  free(buf);
  return 0;
}

int lent_to_unknown(size_t n, int rounds) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  lend(buf);
  for (int i = 0; i < rounds; i++)
    visit(i);
  free(buf);
  return 0;
}

// A pointer into the block comes back through strtol's endptr, or lives
// in strtok's hidden state.
long endptr(size_t n, int fd) {
  char *buf = malloc(n);
  char *end;
  if (!buf)
    return -1;
  read(fd, buf, n - 1);
  buf[n - 1] = 0;
  long v = strtol(buf, &end, 10);
  while (*end == ' ')
    end++;
  free(buf);
  return v;
}

int tokens(size_t n, int fd) {
  char *buf = malloc(n);
  int count = 0;
  if (!buf)
    return -1;
  read(fd, buf, n - 1);
  buf[n - 1] = 0;
  strtok(buf, " ");
  while (strtok(NULL, " "))
    count++;
  free(buf);
  return count;
}

// Its address is taken.
int address_taken(size_t n, int rounds) {
  char *buf = malloc(n);
  char **slot = &buf;
  if (!buf)
    return -1;
  for (int i = 0; i < rounds; i++)
    visit((*slot)[i]);
  free(buf);
  return 0;
}

// Loops that run at most once.
int runs_once(size_t n, int x) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  memset(buf, 0, n);
  do {
    visit(x);
  } while (0);
  for (int i = 0; i < 1; i++)
    visit(i);
  while (x) {
    visit(x);
    break;
  }
  free(buf);
  return 0;
}

// A small constant size (below min-bytes, 64 KiB by default).
int small_constant(int rounds) {
  char *buf = malloc(256);
  if (!buf)
    return -1;
  memset(buf, 0, 256);
  for (int i = 0; i < rounds; i++)
    visit(i);
  free(buf);
  return 0;
}

// A size that is not visible: strdup's copy (usually short), an
// allocation through a function the policy does not declare.
int unknown_size(const char *s, int rounds) {
  char *copy = strdup(s);
  if (!copy)
    return -1;
  visit(copy[0]);
  for (int i = 0; i < rounds; i++)
    visit(i);
  free(copy);
  return 0;
}

// Cleanup loops: releasing other blocks does not raise the peak the late
// release holds; nor does a call of a function that releases.
int cleanup_loop(size_t n, char **items, int count, struct tree *t) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  memset(buf, 0, n);
  for (int i = 0; i < count; i++)
    free(items[i]);
  free(items);
  destroy(t);
  free(buf);
  return 0;
}

// A loop that gives back other objects through a function named so
// (redis's decrRefCount), defined elsewhere.
void decrRefCount(void *o);

int refcount_loop(size_t n, void **objects, int count) {
  long *len = malloc(n * sizeof(long));
  if (!len)
    return -1;
  memset(len, 0, n * sizeof(long));
  for (int i = 0; i < count; i++)
    decrRefCount(objects[i]);
  free(len);
  return 0;
}

static void reset_tree(struct tree *t) {
  for (int i = 0; i < t->n; i++)
    t->node[i] = 0;
  free(t->node);
}

int cleanup_call(size_t n, struct tree *t) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  memset(buf, 0, n);
  reset_tree(t);
  free(buf);
  return 0;
}

// Calls of functions that do not loop, or that are not defined here.
static int twice(int x) { return 2 * x; }

int no_loop_calls(size_t n, int x) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  memset(buf, 0, n);
  x = twice(x);
  visit(x);
  free(buf);
  return x;
}

// A label between the last use and the release: a jump from before the
// last use enters there, and would leak if the release moved up.
int label_between(size_t n, int x) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  if (x)
    goto skip;
  memset(buf, 0, n);
skip:
  for (int i = 0; i < x; i++)
    visit(i);
  free(buf);
  return 0;
}

// The path from the last use never reaches the release: it returns, and
// only the jumps reach the label.
int returns_before(size_t n, struct tree *t) {
  char *buf = malloc(n);
  if (!buf)
    goto fail;
  if (parse(buf, n, t) < 0)
    goto fail;
  for (int i = 0; i < t->n; i++)
    visit(t->node[i]);
  return 0;
fail:
  free(buf);
  return -1;
}

// Released early, and set to NULL for the cleanup code (the fix for a
// goto-cleanup finding); or released early on one path.
int released_early(int fd, size_t n, struct tree *t) {
  int rc = -1;
  char *raw = malloc(n);
  if (!raw || read(fd, raw, n) < 0 || parse(raw, n, t) < 0)
    goto out;
  free(raw);
  raw = NULL;
  for (int i = 0; i < t->n; i++)
    visit(t->node[i]);
  rc = 0;
out:
  free(raw);
  return rc;
}

int released_on_a_path(size_t n, struct tree *t, int x) {
  char *raw = malloc(n);
  if (!raw)
    return -1;
  parse(raw, n, t);
  if (x) {
    free(raw);
    raw = NULL;
  }
  for (int i = 0; i < t->n; i++)
    visit(t->node[i]);
  free(raw);
  return 0;
}

// A jump out of the statements between (to another label, or a break out
// of the loop around) skips the release.
int jumps_elsewhere(size_t n, struct tree *t) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  parse(buf, n, t);
  for (int i = 0; i < t->n; i++) {
    if (t->node[i] < 0)
      goto bad;
    visit(t->node[i]);
  }
  free(buf);
  return 0;
bad:
  free(buf);
  return -1;
}

int break_out(size_t n, struct tree *t, int rounds) {
  while (rounds--) {
    char *buf = malloc(n);
    if (!buf)
      return -1;
    parse(buf, n, t);
    for (int i = 0; i < t->n; i++)
      visit(t->node[i]);
    if (t->n == 0)
      break;
    free(buf);
  }
  return 0;
}

// No use before the release in its own block (the release is in a branch).
int other_block(size_t n, struct tree *t, int x) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  parse(buf, n, t);
  if (x) {
    for (int i = 0; i < t->n; i++)
      visit(t->node[i]);
    free(buf);
    return 1;
  }
  free(buf);
  return 0;
}

// The release is part of something more than releasing.
int in_expression(size_t n, int rounds) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  memset(buf, 0, n);
  for (int i = 0; i < rounds; i++)
    visit(i);
  return (free(buf), 0);
}

int in_else(size_t n, int rounds, int x) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  memset(buf, 0, n);
  for (int i = 0; i < rounds; i++)
    visit(i);
  if (x)
    visit(x);
  else
    free(buf);
  return 0;
}

// Not a block owned by a local: a parameter, a global, a variable that
// also holds something other than an allocation.
char *global_buf;

int parameter(char *buf, int rounds) {
  visit(buf[0]);
  for (int i = 0; i < rounds; i++)
    visit(i);
  free(buf);
  return 0;
}

int global(int rounds) {
  global_buf = malloc((size_t)rounds);
  visit(global_buf[0]);
  for (int i = 0; i < rounds; i++)
    visit(i);
  free(global_buf);
  return 0;
}

int mixed(size_t n, char *other, int rounds) {
  char *buf = rounds ? malloc(n) : other;
  if (!buf)
    return -1;
  visit(buf[0]);
  for (int i = 0; i < rounds; i++)
    visit(i);
  free(buf);
  return 0;
}
