// What nested-alloc must not flag: one function per skip clause of
// docs/rules/nested-alloc.md.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { int key; struct node *next; };
struct holder { int *kept; };
size_t read_len(FILE *f);
void swap_rows(int **a, int **b);
void adopt(struct holder *h, int *row);
int by_first(const void *a, const void *b);
extern size_t global_cols;

// Rows whose size depends on the row: a triangle.
int **triangle(int n) {
  int **t = malloc(n * sizeof *t);
  for (int i = 0; i < n; i++)
    t[i] = malloc((i + 1) * sizeof **t);
  return t;
}

// Rows whose size is read in the loop.
char **records(FILE *f, int n) {
  char **r = malloc(n * sizeof *r);
  for (int i = 0; i < n; i++) {
    size_t len = read_len(f);
    r[i] = malloc(len);
  }
  return r;
}

// Rows whose size the allocation does not show (copies of strings).
char **copies(char **src, int n) {
  char **c = malloc(n * sizeof *c);
  for (int i = 0; i < n; i++)
    c[i] = strdup(src[i]);
  return c;
}

// A row grown on its own later: the jagged shape is needed.
int **growable(int n, int m) {
  int **g = malloc(n * sizeof *g);
  for (int i = 0; i < n; i++)
    g[i] = malloc(m * sizeof **g);
  g[0] = realloc(g[0], 2 * m * sizeof **g);
  return g;
}

// Rows swapped by pointer.
void swapped(int n, int m) {
  int **s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = calloc(m, sizeof **s);
  int *tmp = s[0];
  s[0] = s[1];
  s[1] = tmp;
}

// Rows swapped through their addresses.
void swapped_by_address(int n, int m) {
  int **s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = calloc(m, sizeof **s);
  swap_rows(&s[0], &s[n - 1]);
}

// The array of row pointers permuted as bytes (qsort, memmove).
void sorted(int n, int m) {
  int **s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = calloc(m, sizeof **s);
  qsort(s, n, sizeof *s, by_first);
}

// A row stored where it outlives the array, or returned.
void kept(struct holder *h, int n, int m) {
  int **s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = calloc(m, sizeof **s);
  h->kept = s[0];
  free(s);
}

// A row handed to a function that may keep it (declared, not defined here).
void handed_over(struct holder *h, int n, int m) {
  int **s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = calloc(m, sizeof **s);
  adopt(h, s[n - 1]);
  int *first = s[0];
  adopt(h, first);
}

int *returned(int n, int m) {
  int **s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = calloc(m, sizeof **s);
  int *first = s[0];
  free(s);
  return first;
}

int *returned_directly(int n, int m, int k) {
  int **s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = calloc(m, sizeof **s);
  return s[k];
}

// One row released on its own: the rows have lives of their own.
void drop_row(int n, int m, int k) {
  int **s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = calloc(m, sizeof **s);
  free(s[k]);
  s[k] = NULL;
}

// Rows replaced by another block.
void replaced(int n, int m, int *spare) {
  int **s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = calloc(m, sizeof **s);
  s[0] = spare;
}

// Elements that are records (an object pool), or pointers (another level).
struct node **pool(int n) {
  struct node **nodes = malloc(n * sizeof *nodes);
  for (int i = 0; i < n; i++)
    nodes[i] = malloc(sizeof(struct node));
  return nodes;
}

char ***cube(int n, int m) {
  char ***c = malloc(n * sizeof *c);
  for (int i = 0; i < n; i++)
    c[i] = malloc(m * sizeof **c);
  return c;
}

// Rows allocated only for some elements: sparse.
int **sparse(int n, int m, const char *used) {
  int **s = calloc(n, sizeof *s);
  for (int i = 0; i < n; i++)
    if (used[i])
      s[i] = malloc(m * sizeof **s);
  return s;
}

// The subscript is not the loop's counter.
int **appended(int n, int m) {
  int **s = malloc(n * sizeof *s);
  int used = 0;
  for (int i = 0; i < n; i++)
    s[used++] = malloc(m * sizeof **s);
  return s;
}

int **while_loop(int n, int m) {
  int **s = malloc(n * sizeof *s);
  int i = 0;
  while (i < n) {
    s[i] = malloc(m * sizeof **s);
    i++;
  }
  return s;
}

// No array of row pointers allocated here: a parameter, a local array.
void fill(int **given, int n, int m) {
  for (int i = 0; i < n; i++)
    given[i] = malloc(m * sizeof **given);
}

void local_array(int m) {
  int *rows[8];
  for (int i = 0; i < 8; i++)
    rows[i] = malloc(m * sizeof **rows);
  for (int i = 0; i < 8; i++)
    free(rows[i]);
}

// The array is given something else than an allocation before the loop,
// or grows while its rows are allocated.
int **aliased(int **other, int n, int m) {
  int **s = malloc(n * sizeof *s);
  s = other;
  for (int i = 0; i < n; i++)
    s[i] = malloc(m * sizeof **s);
  return s;
}

int **growing_array(int n, int m) {
  int **s = malloc(sizeof *s);
  for (int i = 0; i < n; i++) {
    s = realloc(s, (i + 1) * sizeof *s);
    s[i] = malloc(m * sizeof **s);
  }
  return s;
}

// The array allocated in another loop than the rows.
void per_round(int rounds, int n, int m) {
  int **s = 0;
  for (int r = 0; r < rounds; r++)
    s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = malloc(m * sizeof **s);
}

// A loop that runs at most once.
int **one_row(int m) {
  int **s = malloc(sizeof *s);
  for (int i = 0; i < 1; i++)
    s[i] = malloc(m * sizeof **s);
  return s;
}

// Sizes the rule cannot prove are the same on every iteration: a global,
// a field (a call in the loop could change them).
int **global_width(int n) {
  int **s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = malloc(global_cols * sizeof **s);
  return s;
}

struct dims { size_t rows, cols; };

int **field_width(const struct dims *d) {
  int **s = malloc(d->rows * sizeof *s);
  for (size_t i = 0; i < d->rows; i++)
    s[i] = malloc(d->cols * sizeof **s);
  return s;
}

// Rows of unknown type.
void **opaque(int n, int m) {
  void **s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    s[i] = malloc(m);
  return s;
}
