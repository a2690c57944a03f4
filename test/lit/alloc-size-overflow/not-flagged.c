// What alloc-size-overflow must not flag.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s
// expected-no-diagnostics

#include <stdint.h>
#include <stdlib.h>

// One non-constant operand: sizeof and constants do not count.
void *elements(size_t n) { return malloc(n * sizeof(int)); }
void *fixed(size_t n) { return malloc(n * 16); }

// calloc and reallocarray check the product themselves.
void *zeroed(size_t n, size_t m) { return calloc(n, m); }

// An overflow check before the call: bounding an operand, or the product
// through division, or a checked multiply.
void *checked_division(size_t n, size_t m) {
  if (m && n > SIZE_MAX / m)
    return NULL;
  return malloc(n * m);
}

void *checked_bound(size_t rows, size_t cols) {
  if (rows > 4096 || cols > 4096)
    return NULL;
  return malloc(rows * cols);
}

void *checked_builtin(size_t n, size_t m) {
  size_t bytes;
  if (__builtin_mul_overflow(n, m, &bytes))
    return NULL;
  return malloc(n * m);
}

// Operands whose types bound the product: two 16-bit values in a 32-bit
// product, two 32-bit values in a 64-bit one.
void *small_types(uint16_t w, uint16_t h) { return malloc(w * h); }
void *widened(uint32_t w, uint32_t h) { return malloc((size_t)w * h); }

// The stored size is assigned more than once: which value reaches the call
// is a question for a path-sensitive tool, not this rule.
void *reassigned(size_t n, size_t m, int small) {
  size_t bytes = n * m;
  if (small)
    bytes = 64;
  return malloc(bytes);
}
