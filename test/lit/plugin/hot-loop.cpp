// `scope: hot` keeps a finding in a loop body for the rules whose finding
// is not at an allocation: late-free (at the release, or at the closing
// brace of a C++ owner's block) and mismatched-dealloc (at the release).
// The same code outside a loop is not hot.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/hot-loop.yaml -Xclang -verify %s

#include <cstddef>
#include <cstdlib>
#include <vector>

void visit(int node);

void owner_in_loop(std::size_t n, int rounds) {
  for (int r = 0; r < rounds; r++) {
    std::vector<char> buf(n); // expected-note {{sized here}}
    buf[0] = 1; // expected-note {{last use}}
    for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
      visit(i);
  } // expected-warning {{'buf' (std::vector, of a size known only at run time) keeps its buffer}}
}

void owner_cold(std::size_t n, int rounds) {
  std::vector<char> buf(n);
  buf[0] = 1;
  for (int i = 0; i < rounds; i++)
    visit(i);
}

void mismatch_in_loop(int rounds) {
  for (int r = 0; r < rounds; r++) {
    char *p = static_cast<char *>(std::malloc(4)); // expected-note {{allocated}}
    visit(p[0]);
    delete p; // expected-warning {{'p' was allocated with malloc() but is released with delete}}
  }
}

void mismatch_cold() {
  char *p = static_cast<char *>(std::malloc(4));
  visit(p[0]);
  delete p;
}
