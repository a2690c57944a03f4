// What leak-on-return leaves alone: every path frees, returns or keeps the
// block, or the rule cannot be sure.
// RUN: %memrules -isystem %S/Inputs -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys.h> // a system header's leak is not the project's

struct holder { char *buf; char *cur; };
char *global_buf;
char *table[4];
int keep(char *p);          // may keep it: an unknown non-const pointer parameter
int (*sink)(void *p);
void fatal(const char *msg) __attribute__((noreturn));

// `if (!p) return` right after the allocation: p is NULL there.
int null_checked(size_t n) {
  char *p = malloc(n);
  if (!p)
    return -1;
  free(p);
  return 0;
}

// goto-cleanup: the label's code frees it.
int goto_cleanup(int fd, size_t n) {
  int rc = -1;
  char *buf = malloc(n);
  if (buf == NULL)
    goto out;
  if (read(fd, buf, n) < 0)
    goto out;
  rc = 0;
out:
  free(buf);
  return rc;
}

// A wrapper that returns the block.
char *make(size_t n) {
  char *p = malloc(n);
  if (!p)
    return NULL;
  memset(p, 0, n);
  return p;
}

// Stored in a field, a global, an array, through an out-parameter.
int stored(struct holder *h, char **out, size_t n, int how) {
  char *p = malloc(n);
  if (!p)
    return -1;
  if (how == 0) {
    h->buf = p;
    return 0;
  }
  if (how == 1) {
    global_buf = p;
    return 1;
  }
  if (how == 2) {
    table[0] = p;
    return 2;
  }
  *out = p;
  return 3;
}

// A pointer into the block stored: the block is kept through it.
int interior(struct holder *h, size_t n) {
  char *p = malloc(n + 4);
  if (!p)
    return -1;
  h->cur = p + 4;
  return 0;
}

// Handed to a function that may keep it, or through a function pointer.
int transferred(size_t n, int x) {
  char *p = malloc(n);
  if (!p)
    return -1;
  if (x)
    return keep(p);
  sink(p);
  return 0;
}

// Functions of the same file that keep, release or pass on their parameter.
static void remember(char *p) { global_buf = p; }
static void maybe_release(char *p, int x) {
  if (x)
    free(p);
}
static int recurse(char *p, int n) { return n ? recurse(p, n - 1) : keep(p); }
const char *saved;
static void slot(const char *p) { saved = p; } // keeps it, const or not
int summarised(size_t n, int x) {
  char *p = malloc(n);
  if (!p)
    return -1;
  if (x == 1) {
    remember(p);
    return 1;
  }
  if (x == 2) {
    maybe_release(p, x);
    return 2;
  }
  if (x == 3) {
    recurse(p, 3);
    return 3;
  }
  if (x == 4) {
    slot(p);
    return 4;
  }
  free(p);
  return 0;
}

// strcpy returns its destination: returning it returns the block.
char *copied(const char *s) {
  char *p = malloc(strlen(s) + 1);
  if (!p)
    return NULL;
  return strcpy(p, s);
}

// Its address is taken: written or kept through it.
void take(char **pp);
int address_taken(size_t n) {
  char *p = malloc(n);
  if (!p)
    return -1;
  take(&p);
  return 0;
}

// Reassigned: tracking of the old block ends (a different bug).
int reassigned(char *q, size_t n) {
  char *p = malloc(n);
  if (!p)
    return -1;
  p = q;
  return p[0];
}

// Copied into another local: the alias may keep it.
int aliased(size_t n) {
  char *p = malloc(n);
  if (!p)
    return -1;
  char *q = p;
  free(q);
  return 0;
}

// The allocation may have failed: no test and no dereference on the path.
int maybe_null(size_t n, int x) {
  char *p = malloc(n);
  if (x)
    return -1;
  free(p);
  return 0;
}

// A test that mixes the null case with another condition.
int mixed_test(size_t n, int x) {
  char *p = malloc(n);
  if (!p || x)
    return -1;
  free(p);
  return 0;
}

// Paths that end in a call that does not return.
int noreturn_path(int fd, size_t n) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  if (read(fd, buf, n) < 0)
    abort();
  if (n == 3)
    fatal("three");
  free(buf);
  return 0;
}

// A goto whose target ends in abort(): no path reaches the exit.
int goto_abort(int fd, size_t n) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  if (read(fd, buf, n) < 0)
    goto die;
  free(buf);
  return 0;
die:
  abort();
}

// Freed on one path, not on the other, merged: a flag the CFG cannot follow.
int correlated(int own, size_t n) {
  char *p = NULL;
  if (own) {
    p = malloc(n);
    if (!p)
      return -1;
  }
  if (own)
    free(p);
  return 0;
}

// The realloc chain through a temporary: the rule does not follow p = q.
int grow(size_t n) {
  char *p = NULL;
  for (int i = 1; i < 10; i++) {
    char *q = realloc(p, n * i);
    if (!q) {
      free(p);
      return -1;
    }
    p = q;
  }
  free(p);
  return 0;
}

// p = realloc(p, n) that fails returns with p NULL (realloc-leak's business).
int realloc_failed(size_t n) {
  char *p = malloc(8);
  if (!p)
    return -1;
  p = realloc(p, n);
  if (!p)
    return -1;
  free(p);
  return 0;
}

// The variable's cleanup attribute frees it.
void freep(char **p) { free(*p); }
int cleanup_attr(int fd, size_t n) {
  __attribute__((cleanup(freep))) char *buf = malloc(n);
  if (!buf)
    return -1;
  if (read(fd, buf, n) < 0)
    return -1;
  return 0;
}

// Converted to an integer: nothing can be followed.
unsigned long as_integer(size_t n) {
  char *p = malloc(n);
  if (!p)
    return 0;
  return (unsigned long)p;
}

// main's blocks are released by the process exit.
int main(int argc, char **argv) {
  char *buf = malloc(16);
  if (!buf)
    return 1;
  if (argc > 2)
    return 2;
  free(buf);
  return sys_read_leak(0);
}

// A static local keeps its block for the next call.
int cached(size_t n) {
  static char *cache;
  cache = malloc(n);
  if (!cache)
    return -1;
  return 0;
}

// A struct returned by value carries the block out.
struct holder wrap(size_t n) {
  struct holder h = {0, 0};
  char *p = malloc(n);
  if (!p)
    return h;
  struct holder r = {p, p};
  return r;
}
