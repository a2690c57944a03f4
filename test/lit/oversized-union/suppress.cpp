// Suppressions of std::variant findings: a comment at the declaration, an
// annotate attribute on the function or class holding it.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -Xclang -verify %s
// expected-no-diagnostics

#include <variant>

struct Big { double m[64]; };

// memrules:ignore(oversized-union) one global, the size does not matter
std::variant<int, Big> global;

struct __attribute__((annotate("memrules::ignore(oversized-union)"))) Holder {
  std::variant<char, Big> v;
};

__attribute__((annotate("memrules::ignore(oversized-union)"))) int local() {
  std::variant<short, Big> tmp;
  return tmp.index();
}
