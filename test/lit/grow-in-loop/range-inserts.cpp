// FF-6: two or more consecutive inserts of known-size ranges into a fresh
// vector without reserve; the fix-it reserves their total first.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: cp %s %t.cpp && %clang -std=c++17 -fsyntax-only -fplugin=%plugin -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -fixit %t.cpp 2>/dev/null; FileCheck --check-prefix=FIXED --input-file %t.cpp %s
// RUN: %memrules -std=c++17 -Wall -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify=fixed %t.cpp
// fixed-no-diagnostics

#include <list>
#include <string>
#include <vector>

struct schema { std::vector<std::string> columns; };

std::vector<std::string> merge(const schema &left, const schema &right) {
  std::vector<std::string> columns;
  columns.insert(columns.end(), left.columns.begin(), left.columns.end()); // expected-warning {{'columns' is extended 2 times from ranges of known size without reserve, so each extension after the first reallocates and copies it; call 'columns.reserve(left.columns.size() + right.columns.size())' first [memrules-grow-in-loop]}}
  // CHECK: fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:3}:"columns.reserve(left.columns.size() + right.columns.size());\n  "
  // FIXED: {{^}}  columns.reserve(left.columns.size() + right.columns.size());{{$}}
  columns.insert(columns.end(), right.columns.begin(), right.columns.end()); // expected-note {{the last extension}}
  return columns;
}

std::vector<int> three(const std::vector<int> &a, const std::list<int> &b,
                       const std::vector<int> &c) {
  std::vector<int> all;
  all.insert(all.end(), a.cbegin(), a.cend()); // expected-warning {{'all' is extended 3 times}}
  // CHECK: fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:3}:"all.reserve(a.size() + b.size() + c.size());\n  "
  all.insert(all.end(), b.begin(), b.end());
  all.insert(all.end(), c.begin(), c.end()); // expected-note {{the last extension}}
  return all;
}

// Not flagged: one insert; a reserve first; contents before; a range that
// is not a standard container; something between the inserts; the vector
// itself as the source; iterators that are not begin/end of one range.
std::vector<int> one(const std::vector<int> &a) {
  std::vector<int> v;
  v.insert(v.end(), a.begin(), a.end());
  return v;
}

std::vector<int> reserved(const std::vector<int> &a, const std::vector<int> &b) {
  std::vector<int> v;
  v.reserve(a.size() + b.size());
  v.insert(v.end(), a.begin(), a.end());
  v.insert(v.end(), b.begin(), b.end());
  return v;
}

std::vector<int> copied(const std::vector<int> &a, const std::vector<int> &b) {
  std::vector<int> v(a);
  v.insert(v.end(), a.begin(), a.end());
  v.insert(v.end(), b.begin(), b.end());
  return v;
}

struct span { const int *b, *e; const int *begin() const { return b; } const int *end() const { return e; } };

std::vector<int> custom(span a, span b) {
  std::vector<int> v;
  v.insert(v.end(), a.begin(), a.end());
  v.insert(v.end(), b.begin(), b.end());
  return v;
}

std::vector<int> between(const std::vector<int> &a, const std::vector<int> &b) {
  std::vector<int> v;
  v.insert(v.end(), a.begin(), a.end());
  v.push_back(0);
  v.insert(v.end(), b.begin(), b.end());
  return v;
}

std::vector<int> mixed(const std::vector<int> &a, const std::vector<int> &b) {
  std::vector<int> v;
  v.insert(v.end(), a.begin(), b.end());
  v.insert(v.end(), b.begin(), b.end());
  return v;
}
// CHECK-NOT: fix-it:
