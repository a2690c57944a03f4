// small-by-ref in C++: a const reference to a small trivially copyable
// class, in a function with internal linkage.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

struct Vec2 {
  float x, y;
  float dot(const Vec2 &o) const { return x * o.x + y * o.y; }
  float len2() const { return x * x + y * y; }
};

namespace {
float norm(const Vec2 &v) { return v.len2(); } // expected-warning {{parameter 'v' refers to 'Vec2' (8 bytes), which the function only reads; pass it by value ('Vec2 v'): it fits in registers and spares every read an indirection [memrules-small-by-ref]}}
} // namespace

static float sum(const Vec2 &v) { // expected-warning {{parameter 'v' refers to 'Vec2' (8 bytes)}}
  Vec2 copy = v;
  return copy.x + v.y;
}

static float by_pointer(const Vec2 *v) { return v->x; } // expected-warning {{parameter 'v' points to 'Vec2' (8 bytes)}}

float use(const Vec2 &a) { return norm(a) + sum(a) + by_pointer(&a); }
