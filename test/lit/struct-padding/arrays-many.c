// At most three notes about arrays; a fourth counts the rest.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s

// expected-warning@+1 {{struct 'cell' is 24 bytes with 14 bytes of padding}}
struct cell {
  char alive;
  double value;
  char seen;
};
// expected-note@+1 {{struct 'cell' is used in an array of 3 elements here; the suggested order saves 24 bytes there}}
struct cell a[3];
// expected-note@+1 {{struct 'cell' is used in an array of 4 elements here}}
struct cell b[4];
// expected-note@+1 {{struct 'cell' is used in an array of 5 elements here}}
struct cell c[5];
// expected-note@+1 {{struct 'cell' is used in 2 more arrays or bulk allocations}}
struct cell d[6];
struct cell e[7];
// Two elements save 16 bytes in all, below min-bytes: not counted.
struct cell pair[2];
