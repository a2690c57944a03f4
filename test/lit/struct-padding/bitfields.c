// A run of consecutive bit-fields moves as one unit, in its order, aligned
// like its largest declared type.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s

// expected-warning@+1 {{struct 'entry' is 64 bytes with 27 bytes of padding; ordering its fields by decreasing alignment (key, value, next, prev, used, dirty, refs, len, kind, mark) makes it 40 bytes}}
struct entry {
  char kind;
  void *key;
  unsigned used : 1;
  unsigned dirty : 1;
  unsigned refs : 6;
  void *value;
  char mark;
  void *next;
  short len;
  void *prev;
};

// Runs that end up next to each other share bytes, each still in order.
// expected-warning@+1 {{struct 'flags2' is 80 bytes with 31 bytes of padding; ordering its fields by decreasing alignment (p, q, wide, r, s, u, d, e, a, b, c, t) makes it 56 bytes}}
struct flags2 {
  unsigned char a : 1;
  unsigned char b : 2;
  void *p;
  unsigned char c : 4;
  void *q;
  long wide : 40;
  void *r;
  unsigned short d : 3;
  unsigned short e : 3;
  void *s;
  char t;
  void *u;
};

// Bit-fields that share their byte with the field before them.
// expected-warning@+1 {{struct 'mixed' is 64 bytes with 27 bytes of padding; ordering its fields by decreasing alignment (p, q, r, s, mode, kind, b, c, d) makes it 40 bytes}}
struct mixed {
  char kind;
  unsigned mode : 4;
  void *p;
  char b;
  void *q;
  char c;
  void *r;
  char d;
  void *s;
};
