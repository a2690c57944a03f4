// At most three notes about arrays; a fourth counts the rest.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s

// expected-warning@+1 {{struct 'cell' is 24 bytes with 14 bytes of padding}}
struct cell {
  char alive;
  double value;
  char seen;
};
// expected-note@+1 {{struct 'cell' is used in an array of 2 elements here; the suggested order saves 16 bytes there}}
struct cell a[2];
// expected-note@+1 {{struct 'cell' is used in an array of 3 elements here}}
struct cell b[3];
// expected-note@+1 {{struct 'cell' is used in an array of 4 elements here}}
struct cell c[4];
// expected-note@+1 {{struct 'cell' is used in 2 more arrays or bulk allocations}}
struct cell d[5];
struct cell e[6];
