// Suppressions: a comment on the line above the record, or an annotate
// attribute on the record.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s
// expected-no-diagnostics

// memrules:ignore(struct-padding) the layout mirrors an on-disk format
struct header {
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};

struct __attribute__((annotate("memrules::ignore(struct-padding)"))) frame {
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};

typedef struct // memrules:ignore(struct-padding) on the `struct` line
{
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
} record_t;

// memrules:ignore(struct-padding) the line above a typedef'd anonymous struct
typedef struct {
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
} entry_t;

struct nolint { // NOLINT(memrules-struct-padding)
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};
