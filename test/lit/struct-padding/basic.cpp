// C++ records.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s

namespace net {
// expected-warning@+1 {{class 'net::session' is 56 bytes with 25 bytes of padding; ordering its fields by decreasing alignment (started, last, timeout, port, live, secure, code) makes it 32 bytes [memrules-struct-padding]}}
class session {
public:
  bool open() const { return live; }

private:
  bool live;
  double started;
  bool secure;
  double last;
  char code;
  double timeout;
  int port;
};
} // namespace net

// Class templates: the pattern's layout is unknown, and instantiations are
// not judged either.
template <typename T> struct holder {
  char a;
  T *p;
  char b;
  T *q;
  char c;
  T *r;
  char d;
  T *s;
};
holder<int> instance;

// Base classes and virtual functions: only the own fields move (more in
// bases.cpp). Here the derived part saves 16 bytes, below min-bytes.
struct base {
  int id;
};
struct derived : base {
  char a;
  void *p;
  char b;
  void *q;
  char c;
  void *r;
  char d;
  void *s;
};
// expected-warning@+1 {{struct 'polymorphic' is 72 bytes with 28 bytes of padding; ordering its own fields by decreasing alignment after its vtable pointer (p, q, r, s, a, b, c, d) makes it 48 bytes [memrules-struct-padding]}}
struct polymorphic {
  virtual ~polymorphic();
  char a;
  void *p;
  char b;
  void *q;
  char c;
  void *r;
  char d;
  void *s;
};

// Lambdas' closure types are not the user's records.
void capture() {
  char a = 0, b = 0, c = 0, d = 0;
  void *p = nullptr, *q = nullptr, *r = nullptr, *s = nullptr;
  auto f = [a, p, b, q, c, r, d, s] { return a + b + c + d + (p == q) + (r == s); };
  (void)f();
}
