// What nested-alloc must not flag in C++: one function per skip clause of
// docs/rules/nested-alloc.md.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

struct Point { int x, y; };
int next_length();
void grow_all(std::vector<std::vector<int>> &g);

// Rows that grow on their own afterwards.
void pushed(std::size_t n, std::size_t m) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m));
  g[0].push_back(1);
}

void resized_row(std::size_t n, std::size_t m) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m));
  g[n - 1].resize(2 * m);
}

void through_reference(std::size_t n, std::size_t m) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m));
  auto &last = g.back();
  last.push_back(0);
}

void through_loop_variable(std::size_t n, std::size_t m) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m));
  for (auto &row : g)
    row.emplace_back(0);
}

void appended_string(int n) {
  std::vector<std::string> lines(n, std::string(8, ' '));
  lines[0] += "more";
}

// Rows swapped, moved out, reordered, or the grid handed to a function
// that may change it.
void swapped(std::size_t n, std::size_t m) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m));
  std::swap(g[0], g[1]);
}

std::vector<int> moved_out(std::size_t n, std::size_t m) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m));
  return std::move(g[0]);
}

void sorted(std::size_t n, std::size_t m) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m));
  std::sort(g.begin(), g.end());
}

void handed_over(std::size_t n, std::size_t m) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m));
  grow_all(g);
}

// Rows added to the grid one by one, or replaced.
void rows_added(std::size_t n, std::size_t m) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m));
  g.push_back(std::vector<int>(m));
}

void row_replaced(std::size_t n, std::size_t m, const std::vector<int> &r) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m));
  g[0] = r;
}

// Row lengths that vary, or are read in the loop.
void triangle(int n) {
  std::vector<std::vector<int>> t(n);
  for (int i = 0; i < n; i++)
    t[i].resize(i + 1);
}

void read_lengths(int n) {
  std::vector<std::vector<int>> t(n);
  for (int i = 0; i < n; i++) {
    int k = next_length();
    t[i].resize(k);
  }
}

// Rows sized only for some elements.
void sparse(int n, int m, const std::vector<bool> &used) {
  std::vector<std::vector<int>> t(n);
  for (int i = 0; i < n; i++)
    if (used[i])
      t[i].resize(m);
}

// Rows of records or of strings: not a 2-D array of numbers.
void records(std::size_t n, std::size_t m) {
  std::vector<std::vector<Point>> p(n, std::vector<Point>(m));
  std::vector<std::vector<std::string>> s(n, std::vector<std::string>(m));
}

// Empty rows (no length given), or one row copied from a variable.
void empty_rows(std::size_t n) {
  std::vector<std::vector<int>> g(n);
  std::vector<std::vector<int>> h(n, std::vector<int>());
}

// A grid that is not a local: a member, a parameter.
struct Board {
  std::vector<std::vector<int>> cells;
  Board(std::size_t n, std::size_t m) : cells(n, std::vector<int>(m)) {}
  void reset(std::size_t n, std::size_t m) { cells.resize(n, std::vector<int>(m)); }
};

void param(std::vector<std::vector<int>> g, std::size_t n, std::size_t m) {
  g.resize(n, std::vector<int>(m));
}

// Templates: neither the pattern nor its instantiations.
template <typename T> void generic(std::size_t n, std::size_t m) {
  std::vector<std::vector<T>> g(n, std::vector<T>(m));
}
template void generic<int>(std::size_t, std::size_t);
