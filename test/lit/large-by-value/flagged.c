// large-by-value: a struct larger than max-bytes (128) passed by value and
// only read.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <string.h>

struct config {
  char name[64];
  int flags[32];
  const char *path;
};

int enabled(struct config cfg, int bit) { // expected-warning {{parameter 'cfg' copies all 200 bytes of 'struct config' on every call although the function only reads it; pass 'const struct config *cfg' instead, which copies one pointer [memrules-large-by-value]}}
  return cfg.flags[bit] != 0;
}

typedef struct config Config;

// The type as written, a typedef.
static size_t name_length(Config c) { // expected-warning {{parameter 'c' copies all 200 bytes of 'Config' on every call}}
  return strlen(c.name); // a const char * parameter only reads the array
}

size_t use_name_length(Config *c) { return name_length(*c); }

// Copies of it, and pointers read out of it, are reads.
struct config keep;
void copy_out(struct config cfg) { // expected-warning {{parameter 'cfg' copies all 200 bytes}}
  struct config local = cfg;
  keep = cfg;
  (void)local;
}

char first_of_path(const struct config cfg) { // expected-warning {{parameter 'cfg' copies all 200 bytes}}
  return cfg.path[0];
}

// Writing through a pointer member leaves the parameter itself unchanged.
void write_path(struct config cfg) { // expected-warning {{parameter 'cfg' copies all 200 bytes}}
  char *p = (char *)cfg.path;
  p[0] = 0;
}

union packet {
  unsigned char raw[256];
  struct { int type; } header;
};

int packet_type(union packet p) { // expected-warning {{parameter 'p' copies all 256 bytes of 'union packet'}}
  return sizeof(p) > 0 ? p.header.type : 0;
}

// Only the parameters that qualify.
int two(struct config a, int n, union packet b) { // expected-warning {{parameter 'a' copies all 200 bytes}} expected-warning {{parameter 'b' copies all 256 bytes}}
  return a.flags[n] + b.raw[n];
}
