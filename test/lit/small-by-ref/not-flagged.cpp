// What small-by-ref must not flag (C++).
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <string>

struct Vec2 {
  float x, y;
  void scale(float f) { x *= f; y *= f; }
  Vec2 &self() { return *this; }
  bool operator==(const Vec2 &o) const { return x == o.x && y == o.y; }
};
struct Named { std::string name; };

float dot(const Vec2 &a, const Vec2 &b) { return a.x * b.x + a.y * b.y; }

namespace {
// Not trivially copyable.
size_t name_len(const Named &n) { return n.name.size(); }

// Passed on as a reference, bound to one, compared through an operator
// taking a reference, its address taken.
float passes_on(const Vec2 &v) { return dot(v, v); }
const Vec2 *address(const Vec2 &v) { return &v; }
float bound(const Vec2 &v) { const Vec2 &r = v; return r.x; }
bool equal(const Vec2 &v, Vec2 w) { return w == v; }
const Vec2 &returned(const Vec2 &v) { return v; }

// In a lambda.
float in_lambda(const Vec2 &v) { return [&] { return v.x; }(); }

// Templates.
template <typename T> float tmpl(const T &t) { return t.x; }
float use_tmpl(const Vec2 &v) { return tmpl(v); }

// Copy constructors and operators take const references by convention.
struct Pair {
  int a, b;
  Pair(const Pair &o) : a(o.a), b(o.b) {}
  Pair &operator=(const Pair &o) { a = o.a; b = o.b; return *this; }
};
bool operator<(const Vec2 &l, const Vec2 &r) { return l.x < r.x; }

// Virtual functions; functions whose address is taken.
struct Visitor {
  virtual float visit(const Vec2 &v) { return v.x; }
  virtual ~Visitor() = default;
};
float picked(const Vec2 &v) { return v.y; }
float (*pick)(const Vec2 &) = picked;
} // namespace

float use(const Vec2 &v, const Named &n, Pair *p) {
  Pair q(*p);
  return name_len(n) + passes_on(v) + address(v)->x + bound(v) + equal(v, v) +
         returned(v).x + in_lambda(v) + use_tmpl(v) + (v < v) + pick(v) + q.a;
}
