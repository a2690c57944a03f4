// What oversized-union leaves alone in C++: template patterns and their
// instantiations, std::byte overlays, variants below the thresholds or
// whose alternatives are not all known, variants from system headers.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -isystem %S/Inputs -Xclang -verify %s
// expected-no-diagnostics

#include <cstddef>
#include <variant>
#include <variant_sys.h>

struct Big { double m[64]; };
struct Half { double m[32]; };

// Template patterns: the layout depends on T; instantiations are skipped too.
template <class T> union Slot {
  T small;
  Big big;
};
Slot<int> slot;

template <class T> struct Tagged {
  int tag;
  union {
    T small;
    Big big;
  };
  std::variant<T, Big> alt;
};
Tagged<char> tagged;

template <class T> void pattern() {
  std::variant<int, Big> local;
  (void)local;
}
void use_pattern() { pattern<int>(); }

// A std::byte overlay.
union bytes {
  int i;
  std::byte raw[512];
};

// Variants below the thresholds.
std::variant<int, double> small_variant;
std::variant<Half, Big> ratio_two;
std::variant<Big> single_alternative;

// Declared in a system header, used here through its typedef: the spelling
// is the header's.
sys_variant_t from_sys;
