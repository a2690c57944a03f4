// Errors inside templates and their instantiations: no crash, no finding
// from the half-built instantiations (C++ forms of the rules included).
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/strict.yaml -Xclang -verify %s

#include "Inputs/flaggable.h"
#include <vector>

// An error only in the instantiation.
template <typename T> void each(T n) {
  for (T i = 0; i < n; i++) {
    char *buf = new char[64];
    n.missing(); // expected-error {{member reference base type 'int' is not a structure or union}}
    free(buf);
  }
}
void call_each() { each(3); } // expected-note {{in instantiation of function template specialization 'each<int>' requested here}}

// An error in the template itself, not dependent on T.
template <typename T> struct Holder {
  char tag;
  T value;
  char flag;
  void fill(std::vector<T> &v, int n) {
    for (int i = 0; i < n; i++)
      v.push_back(value);
    int *leak = new int[4];
    not_declared(leak); // expected-error {{use of undeclared identifier 'not_declared'}}
  }
};
template struct Holder<double>;

// A class template whose member's declaration fails to instantiate.
template <typename T> struct Box {
  typename T::type inner; // expected-error {{type 'int' cannot be used prior to '::' because it has no members}}
  char c;
  double d;
};
Box<int> box; // expected-note {{in instantiation of template class 'Box<int>' requested here}}

// The same header flags in a clean C++ TU (so the silence above means
// something).
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/strict.yaml -x c++ %S/Inputs/flaggable.h 2>&1 | FileCheck --check-prefix=CLEAN %s
// CLEAN-DAG: [memrules-alloc-in-loop]
// CLEAN-DAG: [memrules-struct-padding]
// CLEAN-DAG: [memrules-string-enum]
