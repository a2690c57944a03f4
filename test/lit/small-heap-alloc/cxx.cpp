// C++: `new T` of a small trivially copyable T held in a local and deleted
// in the function; `new T[N]` with a constant N; std::make_unique<T>() never
// moved out, released or returned. Types with constructors of their own,
// non-trivially-copyable types and owners that leave are not judged.
// RUN: %memrules -std=c++17 -Wno-mismatched-new-delete -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <cstring>
#include <memory>
#include <utility>

struct Point {
  int x, y;
};

void draw(const Point &p);
void take(Point *p);
void own(std::unique_ptr<Point> p);
Point *keep;

int new_delete(int x) {
  Point *p = new Point{x, 2}; // expected-warning {{'p' holds a 'Point' (8 bytes) from new that never leaves this function and is deleted in it: the heap costs an allocation and a release for it; make it a local 'Point' instead}}
  p->x += 1;
  Point copy = *p;
  int r = p->x + copy.y;
  delete p; // expected-note {{'p' is deleted here}}
  return r;
}

int array_new() {
  char *buf = new char[64]; // expected-warning {{'buf' holds 64 bytes from new[] that never leave this function and are deleted in it}}
  std::memset(buf, 0, 64);
  int r = buf[3];
  delete[] buf; // expected-note {{'buf' is deleted here}}
  return r;
}

int unique(int x) {
  auto p = std::make_unique<Point>(); // expected-warning {{'p' owns a 'Point' (8 bytes) from std::make_unique that never leaves this function: the heap costs an allocation and a release for it; make it a local 'Point' instead}}
  p->x = x;
  (*p).y = 3;
  if (!p)
    return 0;
  Point copy = *p;
  return copy.x + p.get()->x;
} // expected-note {{'p' deletes it here, at the end of its scope}}

int unique_scalar() {
  std::unique_ptr<long> n = std::make_unique<long>(7); // expected-warning {{'n' owns a 'long' (8 bytes) from std::make_unique}}
  *n = *n + 1;
  return n != nullptr ? (int)*n : 0;
} // expected-note {{'n' deletes it here}}

// --- not flagged ---

struct Registered {
  Registered() { keep = nullptr; } // a constructor of its own may publish this
  int v;
};

struct Virtual {
  virtual ~Virtual();
  int v;
};

struct Big {
  char bytes[256];
};

int own_constructor() {
  Registered *r = new Registered;
  int v = r->v;
  delete r;
  return v;
}

int not_trivially_copyable() {
  Virtual *v = new Virtual;
  int r = v->v;
  delete v;
  return r;
}

int too_big() {
  Big *b = new Big();
  int r = b->bytes[0];
  delete b;
  auto u = std::make_unique<Big>();
  return r + u->bytes[1];
}

void keep_ref(Point &p);
int bound_to_reference() {
  Point *p = new Point{1, 2};
  keep_ref(*p); // may keep its address
  Point &alias = *p;
  int r = alias.x;
  delete p;
  return r;
}

int lent_by_const_reference() {
  Point *p = new Point{1, 2};
  draw(*p); // declared, not defined here: may keep a const reference too
  int r = p->x;
  delete p;
  auto u = std::make_unique<Point>();
  draw(*u);
  return r;
}

int inner_pointer() {
  auto p = std::make_unique<Point>();
  int *y = &p->y; // an alias the analysis does not follow
  return *y;
}

int escapes_new() {
  Point *p = new Point{1, 2};
  take(p); // may keep it
  int r = p->x;
  delete p;
  return r;
}

int stored(bool later) {
  Point *p = new Point{1, 2};
  if (later) {
    keep = p;
    return 0;
  }
  delete p;
  return 1;
}

int array_deleted_as_one() {
  char *buf = new char[16];
  int r = buf[0];
  delete buf; // mismatched-dealloc's
  return r;
}

int runtime_count(int n) {
  char *buf = new char[n];
  int r = buf[0];
  delete[] buf;
  return r;
}

std::unique_ptr<Point> returned() {
  auto p = std::make_unique<Point>();
  p->x = 1;
  return p;
}

void moved() {
  auto p = std::make_unique<Point>();
  own(std::move(p));
}

Point *released() {
  auto p = std::make_unique<Point>();
  return p.release();
}

void got_out() {
  auto p = std::make_unique<Point>();
  take(p.get());
}

void arrays() {
  auto a = std::make_unique<int[]>(4);
  a[0] = 1;
}

template <typename T> int pattern() {
  T *p = new T{};
  int r = sizeof(*p);
  delete p;
  return r;
}
int use_pattern() { return pattern<Point>(); }

int in_lambda() {
  auto f = [] {
    Point *p = new Point{1, 2};
    int r = p->x;
    delete p;
    return r;
  };
  return f();
}

void in_loop(int n) {
  for (int i = 0; i < n; i++) {
    auto p = std::make_unique<Point>();
    draw(*p);
  }
}
