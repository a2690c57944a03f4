// alloc-size-overflow: a product of two non-constant operands as the size,
// with no overflow check before the call.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s

#include <stdlib.h>
#include <stdint.h>

struct table { size_t rows, cols; };

void *grid(size_t rows, size_t cols) {
  return malloc(rows * cols); // expected-warning {{the size 'rows * cols' multiplies values nothing checks for overflow; if it wraps, malloc returns a smaller block than the code then writes: use calloc(rows, cols) or check the product (__builtin_mul_overflow) [memrules-alloc-size-overflow]}}
}

void *grid_of(size_t rows, size_t cols) {
  return malloc(rows * cols * sizeof(double)); // expected-warning {{the size 'rows * cols * sizeof(double)' multiplies values}}
}

char *with_terminator(size_t n, size_t width) {
  return malloc(n * width + 1); // expected-warning {{the size 'n * width' multiplies values}}
}

void *stored_first(size_t count, size_t size) {
  size_t bytes = count * size; // expected-note {{the size is computed here}}
  return malloc(bytes); // expected-warning {{the size 'count * size' multiplies values}}
}

void *fields(struct table *t) {
  return malloc(t->rows * t->cols); // expected-warning {{the size 't->rows * t->cols' multiplies values}}
}

int *grow(int *p, size_t n, size_t m) {
  return realloc(p, n * m); // expected-warning {{if it wraps, realloc returns a smaller block than the code then writes: use reallocarray or check the product}}
}

// int * int wraps in int before it is converted to size_t.
void *in_int(int w, int h) {
  return malloc(w * h); // expected-warning {{the size 'w * h' multiplies values}}
}
