// grow-in-loop, C form: a realloc whose size advances by a constant step on
// every iteration of a loop copies the buffer again each time.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <stdio.h>
#include <stdlib.h>

struct item { int key; double value; };

// One element per iteration, the count advanced by ++.
struct item *read_items(FILE *f, size_t *count) {
  struct item *items = NULL;
  size_t n = 0;
  struct item it;
  while (fread(&it, sizeof it, 1, f) == 1) { // expected-note {{in this loop}}
    items = realloc(items, (n + 1) * sizeof *items); // expected-warning {{realloc grows 'items' by a constant step in a loop, so the total copying is quadratic in its final size; grow the capacity geometrically (double it) or size it once before the loop [memrules-grow-in-loop]}}
    items[n++] = it; // expected-note {{'n' advances by a constant here}}
  }
  *count = n;
  return items;
}

// A byte at a time: realloc(p, len + 2), len advanced by len = len + 1.
char *read_line(FILE *f) {
  char *line = NULL;
  size_t len = 0;
  int c;
  while ((c = getc(f)) != EOF && c != '\n') { // expected-note {{in this loop}}
    line = realloc(line, len + 2); // expected-warning {{realloc grows 'line' by a constant step}}
    line[len] = (char)c;
    len = len + 1; // expected-note {{'len' advances by a constant here}}
    line[len] = '\0';
  }
  return line;
}

// The step taken in the size itself.
int *squares(int count)  {
  int *out = NULL;
  int n = 0;
  for (int i = 0; i < count; i++) { // expected-note {{in this loop}}
    out = realloc(out, ++n * sizeof *out); // expected-warning {{realloc grows 'out' by a constant step}} expected-note {{'n' advances by a constant here}}
    out[n - 1] = i * i;
  }
  return out;
}

// Chunked linear growth is still quadratic: a capacity advanced by 16.
int *chunked(const int *src, size_t count) {
  int *out = NULL;
  size_t cap = 0;
  for (size_t i = 0; i < count; i++) { // expected-note {{in this loop}}
    if (i == cap) {
      cap += 16; // expected-note {{'cap' advances by a constant here}}
      out = realloc(out, cap * sizeof *out); // expected-warning {{realloc grows 'out' by a constant step}}
    }
    out[i] = src[i];
  }
  return out;
}

// The temporary that realloc-leak asks for: the block is still regrown.
int *with_temporary(const int *src, size_t count) {
  int *out = NULL;
  size_t n = 0;
  for (size_t i = 0; i < count; i++) { // expected-note {{in this loop}}
    int *grown = realloc(out, (n + 1) * sizeof *out); // expected-warning {{realloc grows 'out' by a constant step}}
    if (!grown)
      break;
    out = grown;
    out[n++] = src[i]; // expected-note {{'n' advances by a constant here}}
  }
  return out;
}

// reallocarray, into a struct field; n += 1.
struct list { double *values; size_t count; };

void fill(struct list *l, const double *src, size_t count) {
  size_t n = 0;
  for (size_t i = 0; i < count; i++) { // expected-note {{in this loop}}
    l->values = reallocarray(l->values, n + 1, sizeof(double)); // expected-warning {{reallocarray grows 'l->values' by a constant step}}
    l->values[n] = src[i];
    n += 1; // expected-note {{'n' advances by a constant here}}
  }
  l->count = n;
}

// A do { } while (0) macro body is not the loop; the loop around it is.
#define APPEND(p, n, v)                                                       \
  do {                                                                        \
    (p) = realloc((p), ((n) + 1) * sizeof *(p));                              \
    (p)[(n)++] = (v);                                                         \
  } while (0)

int *through_macro(int count) {
  int *out = NULL;
  size_t n = 0;
  for (int i = 0; i < count; i++) // expected-note {{in this loop}}
    APPEND(out, n, i); // expected-warning {{realloc grows}} expected-note {{'n' advances by a constant here}}
  return out;
}

// A condition on a per-iteration value does not hide the growth.
char *commas(const char *s, size_t len) {
  char *out = NULL;
  size_t n = 0;
  for (size_t i = 0; i < len; i++) { // expected-note {{in this loop}}
    char c = s[i];
    if (c == ',') {
      out = realloc(out, n + 1); // expected-warning {{realloc grows 'out' by a constant step}}
      out[n++] = c; // expected-note {{'n' advances by a constant here}}
    }
  }
  return out;
}

// A reset on the error path that leaves the loop does not count as a write
// (sqlite3's fts3 term scan).
int *until_error(const int *src, size_t count, int *rc) {
  int *out = NULL;
  int n = 0, cap = 0;
  for (size_t i = 0; i < count; i++) { // expected-note {{in this loop}}
    if (n == cap) {
      int *grown;
      cap += 16; // expected-note {{'cap' advances by a constant here}}
      grown = realloc(out, cap * sizeof *out); // expected-warning {{realloc grows 'out' by a constant step}}
      if (!grown) {
        *rc = 1;
        n = 0;
        break;
      }
      out = grown;
    }
    out[n++] = src[i];
  }
  return out;
}
