// large-by-value in C++: suggest a const reference.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

struct Matrix {
  double cells[4][4];
  double at(int r, int c) const { return cells[r][c]; }
  void clear();
  static int rank() { return 4; }
};

struct Bigger { Matrix m; int extra[8]; };

double corner(Bigger b) { // expected-warning {{parameter 'b' copies all 160 bytes of 'Bigger' on every call although the function only reads it; pass 'const Bigger &b' instead, which copies nothing [memrules-large-by-value]}}
  return b.m.at(3, 3) + Matrix::rank() + b.m.rank();
}

double read_only(const Bigger &);
double lends_const(Bigger b) { // expected-warning {{parameter 'b' copies all 160 bytes}}
  const Bigger &alias = b;
  return read_only(b) + alias.extra[0];
}

class Widget {
public:
  Widget(Bigger b) : cached(b.extra[0]) {} // expected-warning {{parameter 'b' copies all 160 bytes}}
  int size(Bigger b) const { return b.extra[1] + cached; } // expected-warning {{parameter 'b' copies all 160 bytes}}
private:
  int cached;
};

namespace {
double local(Bigger b) { return b.extra[2]; } // expected-warning {{parameter 'b' copies all 160 bytes}}
}
double use_local(Bigger *b) { return local(*b); }

// Matrix is exactly 128 bytes: not larger than max-bytes, so not flagged.
double exact(Matrix m) { return m.cells[1][1]; }

// Copied in a constructor's member initialiser: a const reference would do.
struct Copier {
  Bigger kept;
  explicit Copier(Bigger b) : kept(b) {} // expected-warning {{parameter 'b' copies all 160 bytes}}
};
