// grow-in-loop, C++ form: a container filled one element per iteration of a
// loop whose trip count is known before it, with no reserve.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

std::vector<int> doubled(const std::vector<int> &xs) {
  std::vector<int> out;
  for (int x : xs) // expected-note {{in this loop}}
    out.push_back(x * 2); // expected-warning {{'out' grows one element per iteration of a loop whose trip count is known before it starts, so it reallocates and copies its elements repeatedly; call 'out.reserve(xs.size())' before the loop [memrules-grow-in-loop]}}
  return out;
}

// A counted for with an invariant bound; emplace_back; a block body.
struct point { int x, y; point(int x, int y) : x(x), y(y) {} };

std::vector<point> diagonal(int n) {
  std::vector<point> pts;
  for (int i = 0; i < n; ++i) { // expected-note {{in this loop}}
    int twice = i * 2;
    pts.emplace_back(i, twice); // expected-warning {{call 'pts.reserve(n)' before the loop}}
  }
  return pts;
}

// The bound is the size of a container the loop only reads.
std::string upper(const std::string &s) {
  std::string out;
  for (size_t i = 0; i != s.size(); i++) // expected-note {{in this loop}}
    out.push_back(s[i] >= 'a' && s[i] <= 'z' ? char(s[i] - 32) : s[i]); // expected-warning {{call 'out.reserve(s.size())' before the loop}}
  return out;
}

std::vector<int> local_bound() {
  std::vector<int> src(10, 1);
  std::vector<int> out;
  for (size_t i = 0; i < src.size(); ++i) // expected-note {{in this loop}}
    out.push_back(src[i] + src.at(i)); // expected-warning {{call 'out.reserve(src.size())'}}
  return out;
}

// An array, a member container, unordered containers.
int squares_of_primes() {
  const int primes[] = {2, 3, 5, 7, 11};
  std::vector<int> sq;
  for (int p : primes) // expected-note {{in this loop}}
    sq.push_back(p * p); // expected-warning {{call 'sq.reserve(5)' before the loop}}
  return sq.back();
}

struct index {
  std::vector<std::string> names;
  std::unordered_map<std::string, int> build() const {
    std::unordered_map<std::string, int> by_name;
    int i = 0;
    for (const std::string &name : names) // expected-note {{in this loop}}
      by_name.emplace(name, i++); // expected-warning {{call 'by_name.reserve(names.size())' before the loop}}
    return by_name;
  }
};

std::unordered_set<int> to_set(const std::map<int, int> &m) {
  std::unordered_set<int> keys;
  for (const auto &kv : m) // expected-note {{in this loop}}
    keys.insert(kv.first); // expected-warning {{call 'keys.reserve(m.size())' before the loop}}
  return keys;
}

// Known trip count but no side-effect-free expression for it: no fix-it,
// and the advice says what to reserve.
std::vector<int> make();

std::vector<int> from_call() {
  std::vector<int> out;
  for (int x : make()) // expected-note {{in this loop}}
    out.push_back(x); // expected-warning {{'out' grows one element per iteration of a loop whose trip count is known before it starts, so it reallocates and copies its elements repeatedly; reserve the loop's trip count before it}}
  return out;
}

// Declared in an outer loop: empty at each inner loop.
std::vector<std::vector<int>> rows(int n, int m) {
  std::vector<std::vector<int>> all;
  all.reserve(n);
  for (int r = 0; r < n; ++r) {
    std::vector<int> row;
    for (int c = 0; c < m; ++c) // expected-note {{in this loop}}
      row.push_back(r * c); // expected-warning {{call 'row.reserve(m)' before the loop}}
    all.push_back(row);
  }
  return all;
}

// One character at a time with +=.
std::string stars(int n) {
  std::string line;
  for (int i = 0; i < n; ++i) // expected-note {{in this loop}}
    line += '*'; // expected-warning {{call 'line.reserve(n)' before the loop}}
  return line;
}
