// Records whose fields, ordered by decreasing alignment, save >= 24 bytes.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s

// expected-warning@+1 {{struct 'conn' is 64 bytes with 28 bytes of padding; ordering its fields by decreasing alignment (ctx, host, buf, deadline, state, flags, retries, tag) makes it 40 bytes [memrules-struct-padding]}}
struct conn {
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};

// An anonymous struct is named by its typedef, at the `struct` keyword.
// expected-warning@+1 {{struct 'node_t' is 64 bytes with 27 bytes of padding; ordering its fields by decreasing alignment (id, parent, child, sibling, weight, kind, mark, level) makes it 40 bytes [memrules-struct-padding]}}
typedef struct {
  char kind;
  long long id;
  char mark;
  long long parent;
  char level;
  long long child;
  short weight;
  long long sibling;
} node_t;

// A nested record is judged on its own.
struct outer {
  void *owner;
  // expected-warning@+1 {{struct 'inner' is 64 bytes with 28 bytes of padding}}
  struct inner {
    char a;
    double x;
    char b;
    double y;
    char c;
    double z;
    char d;
    double w;
  } in;
};

// Saves 16 bytes (48 -> 32): below the default min-bytes of 24.
struct sample {
  char a;
  double x;
  char b;
  double y;
  char c;
  double z;
};

// Already in the best order.
struct tidy {
  void *ctx;
  const char *host;
  void *buf;
  long deadline;
  char state;
  char flags;
  char retries;
  char tag;
};

// Padding that no order removes: 9 bytes rounded up to 16 either way.
struct unavoidable {
  long value;
  char tag;
};

// Unions are not reordered.
union value {
  char c;
  void *p;
  double d;
};

// Declarations without a definition, and uses of a definition, are not
// findings of their own.
struct conn;
struct conn *conn_new(void);
void conn_free(struct conn *c);
