// What grow-in-loop must not flag in C.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Geometric capacity: doubled, shifted, grown by half.
int *doubled(const int *src, size_t count) {
  int *out = NULL;
  size_t n = 0, cap = 0;
  for (size_t i = 0; i < count; i++) {
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      out = realloc(out, cap * sizeof *out);
    }
    out[n++] = src[i];
  }
  return out;
}

int *doubled_in_place(const int *src, size_t count) {
  int *out = malloc(16 * sizeof *out);
  size_t n = 0, cap = 16;
  for (size_t i = 0; i < count; i++) {
    if (n == cap) {
      cap *= 2;
      out = realloc(out, cap * sizeof *out);
    }
    out[n++] = src[i];
  }
  return out;
}

int *shifted(const int *src, size_t count) {
  int *out = malloc(16 * sizeof *out);
  size_t n = 0, cap = 16;
  for (size_t i = 0; i < count; i++) {
    if (n == cap) {
      cap <<= 1;
      out = realloc(out, cap * sizeof *out);
    }
    out[n++] = src[i];
  }
  return out;
}

int *by_half(const int *src, size_t count) {
  int *out = malloc(16 * sizeof *out);
  size_t n = 0, cap = 16;
  for (size_t i = 0; i < count; i++) {
    if (n == cap) {
      cap = cap + cap / 2;
      out = realloc(out, cap * sizeof *out);
    }
    out[n++] = src[i];
  }
  return out;
}

// The size doubles with the count: 1 << n is not a constant step.
char *exponential(int rounds) {
  char *p = NULL;
  int n = 0;
  for (int i = 0; i < rounds; i++)
    p = realloc(p, (size_t)1 << ++n);
  return p;
}

// Growth by a variable amount (Settled details).
char *slurp(FILE *f) {
  char *buf = NULL;
  size_t len = 0, nread;
  char chunk[4096];
  while ((nread = fread(chunk, 1, sizeof chunk, f)) > 0) {
    buf = realloc(buf, len + nread + 1);
    memcpy(buf + len, chunk, nread);
    len += nread;
    buf[len] = '\0';
  }
  return buf;
}

// Advanced by an inner loop's trip count: a variable step per iteration.
int *nested(int rows, int cols) {
  int *out = NULL;
  size_t n = 0;
  for (int r = 0; r < rows; r++) {
    out = realloc(out, (n + (size_t)cols) * sizeof *out);
    for (int c = 0; c < cols; c++)
      n++;
  }
  return out;
}

// Reset in the loop, decremented, written through a pointer.
char *reset(int rounds) {
  char *p = NULL;
  size_t n = 0;
  for (int i = 0; i < rounds; i++) {
    p = realloc(p, n + 1);
    n++;
    if (i % 8 == 0)
      n = 0;
  }
  return p;
}

char *shrinking(size_t n) {
  char *p = malloc(n + 1);
  while (n > 0) {
    p = realloc(p, n + 1);
    n--;
  }
  return p;
}

void read_count(size_t *n);

char *through_pointer(int rounds) {
  char *p = NULL;
  size_t n = 0;
  for (int i = 0; i < rounds; i++) {
    p = realloc(p, n + 1);
    n++;
    read_count(&n);
  }
  return p;
}

// The same size on every iteration: nothing grows.
char *same_size(int rounds, size_t size) {
  char *p = NULL;
  for (int i = 0; i < rounds; i++)
    p = realloc(p, size);
  return p;
}

// A size read from memory or computed by a call: not known to step.
struct buf { char *data; size_t len; };

void append_all(struct buf *b, const char **parts, int count) {
  for (int i = 0; i < count; i++) {
    b->data = realloc(b->data, b->len + 1);
    b->len++;
    b->data = realloc(b->data, strlen(parts[i]) + 1);
  }
}

// Not in a loop; in a loop that runs at most once; on a bail-out branch.
int *once(int *p, size_t n) { return realloc(p, (n + 1) * sizeof *p); }

int *at_most_once(int *p, size_t n) {
  for (;;) {
    p = realloc(p, (n + 1) * sizeof *p);
    n++;
    break;
  }
  return p;
}

int *bail_out(int *p, size_t n, const int *src, size_t count) {
  for (size_t i = 0; i < count; i++) {
    if (src[i] < 0) {
      p = realloc(p, (n + 1) * sizeof *p);
      n++;
      return p;
    }
  }
  return p;
}

// The result is not stored back into the block grown: no repeated growth.
int *copies(const int *p, size_t count) {
  int *q = NULL;
  size_t n = 0;
  for (size_t i = 0; i < count; i++) {
    free(q);
    q = realloc((int *)p, ++n * sizeof *p);
  }
  return q;
}

// A global count may be written by any call.
size_t global_count;

char *global(int rounds) {
  char *p = NULL;
  for (int i = 0; i < rounds; i++) {
    p = realloc(p, global_count + 1);
    global_count++;
  }
  return p;
}

// A capacity check around a size that looks linear: the growth happens only
// when the capacity, set geometrically, runs out.
int *capacity_guard(const int *src, size_t count) {
  int *out = NULL;
  size_t n = 0, cap = 0;
  for (size_t i = 0; i < count; i++) {
    if (n >= cap) {
      cap = (n + 1) * 2;
      out = realloc(out, (n + 1) * 2 * sizeof *out);
    }
    out[n++] = src[i];
  }
  return out;
}

// The block is released and replaced in the loop: each iteration starts
// over, nothing is copied across iterations.
char *scratch(int rounds) {
  char *buf = NULL;
  size_t n = 0;
  for (int i = 0; i < rounds; i++) {
    buf = realloc(buf, n + 1);
    n++;
    free(buf);
    buf = NULL;
  }
  return buf;
}
