// Rows from a policy family whose declaration says where the size is.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/families.yaml -Xclang -verify %s

#include <stddef.h>

void *sqlite3_malloc(int n);
void sqlite3_free(void *p);
void *pool_get(size_t n);
void pool_put(void *p);

int **table(int n, int m) {
  int **t = sqlite3_malloc(n * (int)sizeof(int *)); // expected-note {{allocated here}}
  if (!t)
    return 0;
  for (int i = 0; i < n; i++) // expected-note {{in this loop}}
    t[i] = sqlite3_malloc(m * (int)sizeof(int)); // expected-warning {{every row of 't' is allocated on its own with the same size ('m * (int)sizeof(int)')}}
  return t;
}

// A family whose size is not visible (xcalloc(n, size) shapes) is not
// judged; pool_get's is (one integer parameter).
float **pooled(size_t n, size_t m) {
  float **rows = pool_get(n * sizeof *rows); // expected-note {{allocated here}}
  for (size_t i = 0; i < n; i++) // expected-note {{in this loop}}
    rows[i] = pool_get(m * sizeof **rows); // expected-warning {{every row of 'rows'}}
  return rows;
}
