// C++ classes with base classes or virtual functions: the bases (and the
// vtable pointer) stay first and the virtual bases last; only the class's own
// fields are reordered.
// The sizes in the messages are the compiler's: a copy of each record in the
// suggested order has that size (checked by hand with static_assert).
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s

struct base {
  long id;
};

// Padding in the derived part.
// expected-warning@+1 {{struct 'derived' is 72 bytes with 28 bytes of padding; ordering its own fields by decreasing alignment after its base 'base' (p, q, r, s, a, b, c, d) makes it 48 bytes [memrules-struct-padding]}}
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

// A POD base: its tail padding is not reused, the own fields start at 16.
struct pod_base {
  long id;
  char tag;
};
// expected-warning@+1 {{struct 'after_pod' is 80 bytes with 28 bytes of padding; ordering its own fields by decreasing alignment after its base 'pod_base' (p, q, r, s, a, b, c, d) makes it 56 bytes}}
struct after_pod : pod_base {
  char a;
  void *p;
  char b;
  void *q;
  char c;
  void *r;
  char d;
  void *s;
};

// A base that is not POD for layout (user-provided constructor): the own
// fields start in its tail padding, at 9. (Small fields first would fill that
// tail: 56 bytes; the rule suggests decreasing alignment, 64.)
struct np_base {
  np_base();
  long id;
  char tag;
};
// expected-warning@+1 {{struct 'after_np' is 88 bytes with 34 bytes of padding; ordering its own fields by decreasing alignment after its base 'np_base' (p, q, r, s, t, a, b, c, d, e) makes it 64 bytes}}
struct after_np : np_base {
  char a;
  void *p;
  char b;
  void *q;
  char c;
  void *r;
  char d;
  void *s;
  char e;
  void *t;
};

// A dynamic class: the vtable pointer comes first.
// expected-warning@+1 {{class 'widget' is 72 bytes with 28 bytes of padding; ordering its own fields by decreasing alignment after its vtable pointer (p, q, r, s, a, b, c, d) makes it 48 bytes}}
class widget {
public:
  virtual ~widget();

private:
  char a;
  void *p;
  char b;
  void *q;
  char c;
  void *r;
  char d;
  void *s;
};

// A dynamic base is the primary base: the derived fields follow it.
struct iface {
  virtual void run();
  int kind;
};
// expected-warning@+1 {{struct 'impl' is 88 bytes with 31 bytes of padding; ordering its own fields by decreasing alignment after its base 'iface' (p, q, r, s, t, a, b, c, d, e) makes it 64 bytes}}
struct impl : iface {
  char a;
  void *p;
  char b;
  void *q;
  char c;
  void *r;
  char d;
  void *s;
  char e;
  void *t;
};

// Virtual bases are placed after the own fields.
struct vb {
  long v;
};
// expected-warning@+1 {{struct 'with_vbase' is 80 bytes with 28 bytes of padding; ordering its own fields by decreasing alignment after its vtable pointer and before its virtual base 'vb' (p, q, r, s, a, b, c, d) makes it 56 bytes}}
struct with_vbase : virtual vb {
  char a;
  void *p;
  char b;
  void *q;
  char c;
  void *r;
  char d;
  void *s;
};
struct vc {
  char x;
};
// expected-warning@+1 {{struct 'with_vbase_char' is 80 bytes with 35 bytes of padding; ordering its own fields by decreasing alignment after its vtable pointer and before its virtual base 'vc' (p, q, r, s, a, b, c, d) makes it 48 bytes}}
struct with_vbase_char : virtual vc {
  char a;
  void *p;
  char b;
  void *q;
  char c;
  void *r;
  char d;
  void *s;
};
// An indirect virtual base, through a non-virtual base.
// expected-warning@+1 {{struct 'indirect_vbase' is 144 bytes with 28 bytes of padding; ordering its own fields by decreasing alignment after its base 'with_vbase' and before its virtual base 'vb' (p2, q2, r2, s2, a2, b2, c2, d2) makes it 120 bytes}}
struct indirect_vbase : with_vbase {
  char a2;
  void *p2;
  char b2;
  void *q2;
  char c2;
  void *r2;
  char d2;
  void *s2;
};

// Several bases.
struct A {
  int a;
};
struct B {
  char b;
};
// expected-warning@+1 {{struct 'multi' is 80 bytes with 30 bytes of padding; ordering its own fields by decreasing alignment after its bases 'A' and 'B' (p, q, r, s, t, x, y, z, w, v) makes it 56 bytes}}
struct multi : A, B {
  char x;
  void *p;
  char y;
  void *q;
  char z;
  void *r;
  char w;
  void *s;
  char v;
  void *t;
};

// An empty base takes no room.
struct tag {};
// expected-warning@+1 {{struct 'tagged' is 64 bytes with 28 bytes of padding; ordering its own fields by decreasing alignment after its base 'tag' (p, q, r, s, a, b, c, d) makes it 40 bytes}}
struct tagged : tag {
  char a;
  void *p;
  char b;
  void *q;
  char c;
  void *r;
  char d;
  void *s;
};
