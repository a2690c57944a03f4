// nested-alloc: an array of row pointers, then a counted loop allocating
// every row with the same size.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double **matrix(size_t rows, size_t cols) {
  double **m = malloc(rows * sizeof *m); // expected-note {{the array of row pointers is allocated here}}
  if (!m)
    return NULL;
  for (size_t i = 0; i < rows; i++) { // expected-note {{the rows are allocated in this loop}}
    m[i] = malloc(cols * sizeof **m); // expected-warning {{every row of 'm' is allocated on its own with the same size ('cols * sizeof **m'), so the array costs one allocation per row plus one, each with its own header and scattered in the heap; allocate the rows as one block of rows * that size and index it (or point each row into it) [memrules-nested-alloc]}}
    if (!m[i]) {
      while (i--)
        free(m[i]);
      free(m);
      return NULL;
    }
  }
  return m;
}

// calloc, a declared-then-assigned array, the check in the if condition,
// and the usual cleanup loop.
int sum_grid(int n, int w) {
  int **grid;
  int total = 0;
  grid = calloc(n, sizeof(int *)); // expected-note {{the array of row pointers is allocated here}}
  if (grid == NULL)
    return -1;
  for (int i = 0; i < n; ++i) // expected-note {{in this loop}}
    if ((grid[i] = calloc(w, sizeof(int))) == NULL) // expected-warning {{every row of 'grid' is allocated on its own with the same size ('w * sizeof(int)')}}
      return -1;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < w; ++j)
      total += grid[i][j];
  for (int i = 0; i < n; ++i) {
    free(grid[i]);
    grid[i] = NULL;
  }
  free(grid);
  return total;
}

// Rows of characters of a constant length; a row read through a local
// pointer is a borrow.
#define NAME_MAX_LEN 64
static void clear_row(char *row, int n) {
  for (int j = 0; j < n; j++)
    row[j] = 0;
}
void names(int count) {
  char **name = malloc(count * sizeof(char *)); // expected-note {{allocated here}}
  for (int k = 0; k < count; k += 1) // expected-note {{in this loop}}
    name[k] = malloc(NAME_MAX_LEN); // expected-warning {{every row of 'name' is allocated on its own with the same size, so}}
  char *first = name[0];
  first[0] = 0;
  // Borrowed: libc functions known not to keep their buffer, a function
  // of the file that only reads or writes its row.
  memset(name[0], 0, NAME_MAX_LEN);
  snprintf(name[1], NAME_MAX_LEN, "%s", name[0]);
  clear_row(name[1], NAME_MAX_LEN);
  for (int k = 0; k < count; k++)
    free(name[k]);
  free(name);
}

// Goto cleanup: the release loop at the label counts with its own index.
int **with_cleanup(int n, int m) {
  int i, j;
  int **rows = malloc(n * sizeof *rows); // expected-note {{allocated here}}
  if (!rows)
    return NULL;
  for (i = 0; i < n; i++) { // expected-note {{in this loop}}
    rows[i] = malloc(m * sizeof **rows); // expected-warning {{every row of 'rows'}}
    if (!rows[i])
      goto fail;
  }
  return rows;
fail:
  for (j = 0; j < i; j++)
    free(rows[j]);
  free(rows);
  return NULL;
}
