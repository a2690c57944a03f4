// A flexible array member stays last; so does a trailing [0] or [1] array,
// the older spellings of one.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s

// expected-warning@+1 {{struct 'msg' is 64 bytes with 28 bytes of padding; ordering its fields by decreasing alignment (ctx, host, buf, deadline, state, flags, retries, tag, data) makes it 40 bytes}}
struct msg {
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
  char data[];
};

// expected-warning@+1 {{struct 'old_msg' is 72 bytes with 28 bytes of padding; ordering its fields by decreasing alignment (ctx, host, buf, deadline, state, flags, retries, tag, data) makes it 48 bytes}}
struct old_msg {
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
  long data[1];
};
