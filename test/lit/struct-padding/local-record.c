// C records are judged wherever the project defines them: at file scope,
// nested in another record, and inside a function body the matchers never
// walk (this one calls no allocator). The plugin sees C records as the
// parser completes them instead of walking every field's type.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s

struct outer {
  // expected-warning@+1 {{struct 'inner' is 56 bytes with 28 bytes of padding}}
  struct inner { char a; double b; char c; double d; char e; double f; char g; } in;
  double total;
};

double local_sum(int n) {
  // expected-warning@+1 {{struct 'sample' is 56 bytes with 28 bytes of padding}}
  struct sample { char a; double b; char c; double d; char e; double f; char g; } s = {0};
  s.b = n;
  return s.b + s.d + s.f;
}

// A union is not a struct-padding candidate.
union either { char a; double b; };

// No padding to speak of: silent.
struct tight { double a; double b; char c; char d; };
