// A wrapper called before its definition (after a prototype): the bodies
// that call it are walked too.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/rules.yaml -Xclang -verify %s

#include <stdlib.h>

struct buf;
struct buf *buf_new(void);
void buf_free(struct buf *b);
void buf_fill(struct buf *b);

void early(int rounds) {
  for (int i = 0; i < rounds; i++) { // expected-note {{in this loop}}
    struct buf *b = buf_new(); // expected-warning {{'b' is allocated and freed on every iteration}}
    buf_fill(b);
    buf_free(b); // expected-note {{'b' is freed here}}
  }
}

struct buf { int n; char data[64]; };

struct buf *buf_new(void) {
  struct buf *b = calloc(1, sizeof *b);
  return b;
}

void buf_free(struct buf *b) { free(b); }

void buf_fill(struct buf *b) { b->n = 1; }
