// late-free: a local allocation of non-constant size (or of at least
// min-bytes) released only after a loop, or a call of a function that
// loops, which no longer uses it.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct tree {
  int n;
  int *node;
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

// The source documents' example: the raw input outlives its parse.
int summarize(int fd, size_t n, struct tree *t) {
  char *raw = malloc(n); // expected-note {{'raw' is allocated here}}
  if (!raw)
    return -1;
  if (read(fd, raw, n) < 0) {
    free(raw);
    return -1;
  }
  parse(raw, n, t); // expected-note {{last use of 'raw'}}
  for (int i = 0; i < t->n; i++) // expected-note {{this loop does not use 'raw'}}
    visit(t->node[i]);
  free(raw); // expected-warning {{'raw' (from malloc(), of a size known only at run time) is released only after a loop that does not use it: the block stays allocated while that runs; release it right after its last use}}
  return 0;
}

// A call of a function of the TU that loops.
static long total(const struct tree *t) {
  long sum = 0;
  for (int i = 0; i < t->n; i++)
    sum += t->node[i];
  return sum;
}

long call_that_loops(int fd, size_t n, struct tree *t) {
  char *raw = malloc(n + 1); // expected-note {{'raw' is allocated here}}
  if (!raw)
    return -1;
  raw[read(fd, raw, n)] = 0;
  parse(raw, n, t); // expected-note {{last use of 'raw'}}
  long sum = total(t); // expected-note {{this call loops without using 'raw'}}
  free(raw); // expected-warning {{'raw' (from malloc(), of a size known only at run time) is released only after a call of 'total()' that loops without using it: the block stays allocated}}
  return sum;
}

// A large constant size (the default min-bytes is 64 KiB).
int big_constant(int fd, int rounds) {
  char *buf = malloc(1 << 20); // expected-note {{allocated here}}
  if (!buf)
    return -1;
  int got = read(fd, buf, 1 << 20); // expected-note {{last use of 'buf'}}
  while (rounds-- > 0) // expected-note {{this loop does not use 'buf'}}
    got += rounds;
  free(buf); // expected-warning {{'buf' (from malloc(), 1048576 bytes) is released only after a loop}}
  return got;
}

// calloc, `if (p) free(p)`, and the do-while(0) macro form.
#define SAFE_FREE(p) do { free(p); (p) = NULL; } while (0)

int guarded(size_t n, int rounds) {
  int *counts = calloc(n, sizeof(int)); // expected-note {{allocated here}}
  if (!counts)
    return -1;
  counts[0] = rounds; // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
  if (counts) // expected-warning@+1 {{'counts' (from calloc(), of a size known only at run time) is released only after a loop}}
    free(counts);
  return 0;
}

int macro_release(size_t n, int rounds) {
  char *scratch = malloc(n); // expected-note {{allocated here}}
  if (!scratch)
    return -1;
  memset(scratch, 0, n); // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
  SAFE_FREE(scratch); // expected-warning {{'scratch' (from malloc(), of a size known only at run time) is released only after a loop}}
  return 0;
}

// A block grown with realloc, then done with.
int grown(int fd, int rounds) {
  char *buf = NULL;
  size_t cap = 0, len = 0;
  ssize_t got;
  do {
    cap += 4096;
    buf = realloc(buf, cap); // expected-note {{allocated here}}
    if (!buf)
      return -1;
    got = read(fd, buf + len, 4096); // expected-note {{last use}}
    len += got > 0 ? got : 0;
  } while (got > 0);
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
  free(buf); // expected-warning {{'buf' (from realloc(), of a size known only at run time) is released only after a loop}}
  return (int)len;
}

// Goto-cleanup code: the release at the exit label counts (RULES.md,
// settled details); releasing early means setting the variable to NULL so
// that the label's release stays right for the jumps.
int cleanup_label(int fd, size_t n, struct tree *t) {
  int rc = -1;
  char *raw = malloc(n); // expected-note {{allocated here}}
  if (!raw)
    goto out;
  if (read(fd, raw, n) < 0)
    goto out;
  if (parse(raw, n, t) < 0) // expected-note {{last use}}
    goto out;
  for (int i = 0; i < t->n; i++) { // expected-note {{this loop}}
    if (t->node[i] < 0)
      goto out;
    visit(t->node[i]);
  }
  rc = 0;
out:
  free(raw); // expected-warning {{'raw' (from malloc(), of a size known only at run time) is released only after a loop that does not use it: the block stays allocated while that runs; release it right after its last use and set it to NULL there, so that the release at 'out' stays right for the other paths}}
  return rc;
}

// A return inside the loop leaves without the block (a leak, which
// leak-on-return reports); the path that reaches the release is late.
int early_return_inside(size_t n, struct tree *t) {
  char *raw = malloc(n); // expected-note {{allocated here}}
  if (!raw)
    return -1;
  parse(raw, n, t); // expected-note {{last use}}
  for (int i = 0; i < t->n; i++) { // expected-note {{this loop}}
    if (t->node[i] < 0)
      return -1;
    visit(t->node[i]);
  }
  free(raw); // expected-warning {{released only after a loop}}
  return 0;
}
