// What large-by-value must not flag (C++).
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <utility>

struct Big {
  int cells[64];
  int get() const { return cells[0]; }
  void set(int v) { cells[0] = v; }
};

// Virtual functions and overrides: the signature is the base's.
struct Base {
  virtual int read(Big b) { return b.cells[0]; }
  virtual ~Base() = default;
};
struct Derived : Base {
  int read(Big b) override { return b.cells[1]; }
};

// extern "C": called from C, or looked up by name.
extern "C" int c_api(Big b) { return b.cells[2]; }

// Moved from, or lent to a non-const reference or an rvalue reference.
struct Holder { Big kept; };
Holder take(Big b) { return Holder{std::move(b)}; }
void mutate(Big &);
int lend(Big b) { mutate(b); return b.cells[0]; }
void sink(Big &&);
int sunk(Big b) { sink(static_cast<Big &&>(b)); return 0; }
int non_const_method(Big b) { b.set(1); return b.get(); }
int bound(Big b) { Big &r = b; r.cells[0] = 1; return b.cells[0]; }
int range(Big b) {
  int sum = 0;
  for (int &c : b.cells)
    sum += c++;
  return sum;
}

// Used in a lambda.
int in_lambda(Big b) {
  auto f = [&] { return b.cells[3]; };
  return f();
}

// Templates and their instantiations.
template <typename T> int tmpl(T t) { return t.cells[0]; }
int use_tmpl(Big *b) { return tmpl(*b); }
template <typename T> struct Box {
  int peek(Big b) { return b.cells[0]; }
};
int use_box(Big *b) { return Box<int>().peek(*b); }

// Member functions whose address is taken.
struct Handler {
  int on(Big b) { return b.cells[4]; }
};
int (Handler::*member)(Big) = &Handler::on;

// A reference to the function is its address too.
static int by_pointer_to_function(Big b) { return b.cells[5]; }
int (&ref_to_function)(Big) = by_pointer_to_function;

// Unnamed and unused parameters: the signature is someone else's.
int unnamed(Big) { return 0; }
int unused(Big b) { return 0; }

// Moved from in a constructor's member initialiser.
struct Keeper {
  Big kept;
  explicit Keeper(Big b) : kept(std::move(b)) {}
};
