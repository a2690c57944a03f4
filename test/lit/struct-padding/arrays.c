// min-bytes-in-arrays (default 8) applies to records the TU puts in arrays
// or allocates in bulk; the notes say where and how much it saves there.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s

typedef __SIZE_TYPE__ size_t;
void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *p, size_t size);

// Saves 16 bytes per element.
// expected-warning@+1 {{struct 'sample' is 48 bytes with 21 bytes of padding; ordering its fields by decreasing alignment (x, y, z, a, b, c) makes it 32 bytes}}
struct sample {
  char a;
  double x;
  char b;
  double y;
  char c;
  double z;
};
// expected-note@+1 {{struct 'sample' is used in an array of 100 elements here; the suggested order saves 1600 bytes there}}
struct sample table[100];

// The same shape without arrays: below min-bytes, not reported.
struct single {
  char a;
  double x;
  char b;
  double y;
  char c;
  double z;
};
struct single one;
struct single just_one[1];

// Saves 8 bytes per element, in an array of 2: 16 bytes in all, below
// min-bytes: not reported.
struct duo {
  char alive;
  double value;
  char seen;
};
struct duo duos[2];

// Saves 8 bytes per element; a two-dimensional array inside another record.
// expected-warning@+1 {{struct 'cell' is 24 bytes with 14 bytes of padding; ordering its fields by decreasing alignment (value, alive, seen) makes it 16 bytes}}
struct cell {
  char alive;
  double value;
  char seen;
};
struct board {
  // expected-note@+1 {{struct 'cell' is used in an array of 32 elements here; the suggested order saves 256 bytes there}}
  struct cell cells[4][8];
};

// Bulk allocations: calloc(n, sizeof), n * sizeof, a constant count.
// expected-warning@+1 {{struct 'point' is 24 bytes with 14 bytes of padding}}
struct point {
  char tag;
  double x;
  char kind;
};
// expected-warning@+1 {{struct 'edge' is 24 bytes with 14 bytes of padding}}
struct edge {
  char tag;
  long weight;
  char kind;
};
// expected-warning@+1 {{struct 'span' is 24 bytes with 14 bytes of padding}}
struct span {
  char open;
  void *start;
  char close;
};
// Only one element: not a bulk allocation.
struct lone {
  char open;
  void *start;
  char close;
};

struct point *points(size_t n) {
  // expected-note@+1 {{struct 'point' is allocated in bulk here; the suggested order saves 8 bytes per element there}}
  return calloc(n, sizeof(struct point));
}

struct edge *edges(size_t n, struct edge *old) {
  // expected-note@+1 {{struct 'edge' is allocated in bulk here; the suggested order saves 8 bytes per element there}}
  return realloc(old, (n + 1) * sizeof(*old));
}

struct span *spans(void) {
  struct lone *l = malloc(sizeof(struct lone));
  (void)l;
  // expected-note@+1 {{struct 'span' is allocated as an array of 64 elements here; the suggested order saves 512 bytes there}}
  return malloc(sizeof(struct span) * 64);
}
