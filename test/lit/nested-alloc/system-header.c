// Row-by-row allocation in a system header is not reported; the same code
// in the main file is.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -isystem %S/Inputs -Xclang -verify %s

#include <sys.h>

double **user_matrix(size_t rows, size_t cols) {
  double **m = malloc(rows * sizeof *m); // expected-note {{allocated here}}
  for (size_t i = 0; i < rows; i++) // expected-note {{in this loop}}
    m[i] = malloc(cols * sizeof **m); // expected-warning {{every row of 'm' is allocated on its own}}
  return m;
}

double **both(size_t rows, size_t cols) { return sys_matrix(rows, cols); }
