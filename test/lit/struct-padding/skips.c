// What struct-padding leaves alone.
// RUN: %memrules --target=x86_64-linux-gnu -isystem %S/Inputs -Xclang -verify %s
// expected-no-diagnostics

// A record from a system header.
#include <padded_sys.h>
struct sys_conn *use_sys(void);

// Packed records: the layout is chosen.
struct __attribute__((packed)) wire {
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};

#pragma pack(push, 4)
struct packed4 {
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
  char a;
  long b;
  char c;
  long d;
};
#pragma pack(pop)

// A field with an explicit alignment fixes the layout.
struct fixed {
  _Alignas(16) char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};

struct aligned_attr {
  char state;
  void *ctx __attribute__((aligned(8)));
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};

// Zero-width bit-fields have layout rules of their own.
struct zero_width {
  char state;
  void *ctx;
  unsigned a : 3;
  unsigned : 0;
  unsigned b : 3;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};

// Unions, even with a padded struct inside them, are not reordered; the
// struct inside is judged on its own (it saves nothing here).
union either {
  struct {
    void *p;
    char c;
  } s;
  char raw[3];
  double d;
};
