// Fix-its for classes with bases: the own fields are rewritten, the bases
// stay. Access specifiers among the fields block the fix-it (moving a field
// across them changes its access).
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s
// RUN: %memrules --target=x86_64-linux-gnu -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --implicit-check-not=fix-it:

struct base {
  long id;
};

// expected-warning@+1 {{struct 'derived' is 72 bytes with 28 bytes of padding; ordering its own fields by decreasing alignment after its base 'base' (p, q, r, s, a, b, c, d) makes it 48 bytes}}
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
// CHECK: warning: struct 'derived'
// CHECK: fix-it:"{{.*}}bases-fixit.cpp":{[[@LINE-10]]:3-[[@LINE-3]]:11}:"void *p;\n  void *q;\n  void *r;\n  void *s;\n  char a;\n  char b;\n  char c;\n  char d;"

// expected-warning@+1 {{class 'widget' is 72 bytes}}
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
// CHECK: warning: class 'widget'
// CHECK: fix-it:"{{.*}}bases-fixit.cpp":{[[@LINE-10]]:3-[[@LINE-3]]:11}:"void *p;\n  void *q;\n  void *r;\n  void *s;\n  char a;\n  char b;\n  char c;\n  char d;"

// Access sections among the fields: warning, no fix-it.
// expected-warning@+1 {{class 'sections' is 72 bytes}}
class sections : public base {
public:
  char a;
  void *p;
  char b;
  void *q;

private:
  char c;
  void *r;
  char d;
  void *s;
};
// CHECK: warning: class 'sections'

// The same access specifier repeated still blocks it.
// expected-warning@+1 {{struct 'repeated' is 72 bytes}}
struct repeated : base {
  char a;
  void *p;
  char b;
  void *q;
public:
  char c;
  void *r;
  char d;
  void *s;
};
// CHECK: warning: struct 'repeated'
