#include <stdlib.h>
static inline double **sys_matrix(size_t rows, size_t cols) {
  double **m = malloc(rows * sizeof *m);
  for (size_t i = 0; i < rows; i++)
    m[i] = malloc(cols * sizeof **m);
  return m;
}
