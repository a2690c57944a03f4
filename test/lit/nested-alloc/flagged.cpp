// nested-alloc in C++: a local vector of vectors (or of strings) whose rows
// all get the same length, and new[] rows in an array of row pointers.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

int sum(const std::vector<std::vector<int>> &g);

int constructed(std::size_t n, std::size_t m) {
  std::vector<std::vector<int>> grid(n, std::vector<int>(m)); // expected-warning {{'grid' holds rows of the same length ('m'), each a separate heap block, so it costs one allocation per row plus one and scatters the rows in the heap; use one flat vector of rows * length elements and index it [i * length + j] [memrules-nested-alloc]}}
  for (std::size_t i = 0; i < n; i++)
    for (std::size_t j = 0; j < m; j++)
      grid[i][j] = static_cast<int>(i * j);
  return sum(grid);
}

double filled(int n, int m) {
  auto dist = std::vector<std::vector<double>>(n, std::vector<double>(m, 1.0)); // expected-warning {{'dist' holds rows of the same length ('m')}}
  double total = 0;
  for (const auto &row : dist)
    for (double d : row)
      total += d;
  return total;
}

std::size_t strings(int n) {
  std::vector<std::string> lines(n, std::string(80, ' ')); // expected-warning {{'lines' holds rows of the same length ('80')}}
  for (auto &line : lines)
    line[0] = '#';
  return lines.size();
}

std::vector<std::vector<float>> resized(std::size_t n, std::size_t m) {
  std::vector<std::vector<float>> v;
  v.resize(n, std::vector<float>(m)); // expected-warning {{'v' holds rows of the same length ('m')}}
  return v;
}

std::vector<std::vector<char>> rows_in_loop(std::size_t n, std::size_t m) {
  std::vector<std::vector<char>> board(n); // expected-note {{'board' is declared here}}
  for (std::size_t i = 0; i < n; ++i) // expected-note {{the rows are sized in this loop}}
    board[i].resize(m); // expected-warning {{'board' holds rows of the same length ('m')}}
  return board;
}

std::vector<std::vector<long>> assigned_in_loop(int n, int m) {
  std::vector<std::vector<long>> t(n); // expected-note {{declared here}}
  for (int i = 0; i < n; i++) // expected-note {{in this loop}}
    t[i] = std::vector<long>(m); // expected-warning {{'t' holds rows of the same length ('m')}}
  return t;
}

void range_for(std::size_t n, std::size_t m) {
  std::vector<std::vector<int>> cells(n); // expected-note {{declared here}}
  for (auto &row : cells) // expected-note {{in this loop}}
    row.resize(m); // expected-warning {{'cells' holds rows of the same length ('m')}}
  cells[0][0] = 1;
}

int **with_new(int n, int m) {
  int **rows = new int *[n]; // expected-note {{the array of row pointers is allocated here}}
  for (int i = 0; i < n; i++) // expected-note {{in this loop}}
    rows[i] = new int[m]; // expected-warning {{every row of 'rows' is allocated on its own with the same size ('m')}}
  return rows;
}

// Rows written through their iterators and a range-for over a row.
int iterated(int n, int m) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m)); // expected-warning {{'g' holds rows of the same length ('m')}}
  for (auto &row : g)
    std::fill(row.begin(), row.end(), 0);
  for (std::size_t i = 0; i < g.size(); ++i)
    for (auto &x : g[i])
      x = 1;
  return g[0][0];
}
