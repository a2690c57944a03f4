// C++: a class with a user-declared constructor or a default member
// initializer gets the warning but no fix-it (both run in declaration order);
// a plain one gets both.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s
// RUN: %memrules --target=x86_64-linux-gnu -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --implicit-check-not=fix-it:

// expected-warning@+1 {{struct 'with_ctor' is 64 bytes}}
struct with_ctor {
  with_ctor() : state(0), ctx(nullptr) {}
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};

// expected-warning@+1 {{struct 'with_init' is 64 bytes}}
struct with_init {
  char state = 1;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};

// expected-warning@+1 {{class 'plain' is 64 bytes}}
class plain {
public:
  int get() const { return state; }
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};
// CHECK: warning: class 'plain'
// CHECK: fix-it:"{{.*}}fixit-cpp.cpp":{[[@LINE-10]]:3-[[@LINE-3]]:17}:"void *ctx;\n  const char *host;
