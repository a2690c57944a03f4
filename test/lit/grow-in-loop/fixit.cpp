// The reserve fix-it, applied to a copy and checked again: the fixed code is
// silent.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: cp %s %t.cpp && %clang -std=c++17 -fsyntax-only -fplugin=%plugin -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -fixit %t.cpp 2>/dev/null; FileCheck --check-prefix=FIXED --input-file %t.cpp %s
// RUN: %memrules -std=c++17 -Wall -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %t.cpp

#include <string>
#include <vector>

std::vector<int> doubled(const std::vector<int> &xs) {
  std::vector<int> out;
  for (int x : xs)
    // CHECK: fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:3}:"out.reserve(xs.size());\n  "
    // FIXED: {{^}}  out.reserve(xs.size());{{$}}
    // FIXED-NEXT: {{^}}  for (int x : xs){{$}}
    out.push_back(x * 2);
  return out;
}

std::string dashes(int n) {
  std::string s;
  if (n > 0) {
    for (int i = 0; i < n; i++) {
      // CHECK: fix-it:"{{.*}}":{[[@LINE-1]]:5-[[@LINE-1]]:5}:"s.reserve(n);\n    "
      // FIXED: {{^}}    s.reserve(n);{{$}}
      // FIXED-NEXT: {{^}}    for (int i = 0; i < n; i++) {{{$}}
      s.push_back('-');
    }
  }
  return s;
}

// No fix-it: two growing calls per iteration, a counter not starting at 0,
// a trip count without an expression, a loop that is not a statement of a
// block.
std::vector<int> pairs(const std::vector<int> &xs) {
  std::vector<int> out;
  for (int x : xs) { // expected-note {{in this loop}}
    out.push_back(x); // expected-warning {{reserve the loop's trip count before it}}
    out.push_back(-x);
  }
  return out;
}

std::vector<int> from_one(int n) {
  std::vector<int> out;
  for (int i = 1; i < n; ++i) // expected-note {{in this loop}}
    out.push_back(i); // expected-warning {{reserve the loop's trip count before it}}
  return out;
}

std::vector<int> make();

std::vector<int> from_call() {
  std::vector<int> out;
  for (int x : make()) // expected-note {{in this loop}}
    out.push_back(x); // expected-warning {{reserve the loop's trip count before it}}
  return out;
}

std::vector<int> unbraced(const std::vector<int> &xs) {
  std::vector<int> out;
  if (!xs.empty())
    for (int x : xs) // expected-note {{in this loop}}
      out.push_back(x); // expected-warning {{call 'out.reserve(xs.size())' before the loop}}
  return out;
}
// CHECK-NOT: fix-it:
