// C++: new[] released with delete[] after a loop; a lambda that captures
// the pointer (it may run in the loop) is not judged.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <cstddef>
#include <cstring>
#include <memory>

void visit(int node);

int array_delete(std::size_t n, int rounds) {
  char *buf = new char[n]; // expected-note {{allocated here}}
  std::memset(buf, 0, n); // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
  delete[] buf; // expected-warning {{'buf' (from new[], of a size known only at run time) is released only after a loop}}
  return 0;
}

struct Big {
  char bytes[1 << 17];
};

int big_object(int rounds) {
  Big *b = new Big(); // expected-note {{allocated here}}
  b->bytes[0] = 1; // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
  delete b; // expected-warning {{'b' (from new, 131072 bytes) is released only after a loop}}
  return 0;
}

struct Small {
  int x;
};

int small_object(int rounds) {
  Small *s = new Small();
  s->x = 1;
  for (int i = 0; i < rounds; i++)
    visit(i);
  delete s;
  return 0;
}

template <typename F> void each(int n, F f) {
  for (int i = 0; i < n; i++)
    f(i);
}

int captured(std::size_t n, int rounds) {
  char *buf = new char[n];
  std::memset(buf, 0, n);
  auto use = [buf](int i) { visit(buf[i]); };
  each(rounds, use);
  delete[] buf;
  return 0;
}

// An owner: the C++ form (owner-flagged.cpp) reports it at its scope's end.
int smart(std::size_t n, int rounds) {
  std::unique_ptr<char[]> buf(new char[n]); // expected-note {{'buf' is sized here}}
  std::memset(buf.get(), 0, n); // expected-note {{last use of 'buf'}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
  return 0;
} // expected-warning {{'buf' (std::unique_ptr<T[]>, of a size known only at run time) keeps its buffer until the end of its scope}}
