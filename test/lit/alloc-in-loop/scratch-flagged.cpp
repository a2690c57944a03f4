// C++: a scratch container declared in a loop body and filled there is
// allocated and freed on every iteration.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <deque>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

void emit(const std::string &line);
void lookup(std::string_view key);
int total(const std::vector<int> &xs);
struct Slice {
  Slice(const std::string &s);
  const char *data;
};
void get(const Slice &key);

void string_appended(const std::vector<std::string> &names) {
  for (const std::string &name : names) { // expected-note {{in this loop}}
    std::string line; // expected-warning {{'line' is a std::string created and destroyed on every iteration, so the storage it is filled into is allocated and freed each time; declare it before the loop and call 'line.clear()' at the start of each iteration, which keeps the capacity [memrules-alloc-in-loop]}}
    line += "name: "; // expected-note {{'line' is filled here}}
    line += name;
    emit(line);
  }
}

void vector_pushed(int n, const int *data) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    std::vector<int> row; // expected-warning {{'row' is a std::vector created and destroyed on every iteration}}
    for (int j = 0; j < i; j++)
      row.push_back(data[j]); // expected-note {{'row' is filled here}}
    total(row);
  }
}

void map_by_subscript(const std::vector<std::vector<int>> &groups) {
  for (const auto &group : groups) { // expected-note {{in this loop}}
    std::unordered_map<int, int> counts; // expected-warning {{'counts' is a std::unordered_map created and destroyed on every iteration, so the storage it is filled into is allocated and freed each time; declare it before the loop and call 'counts.clear()' at the start of each iteration, which keeps the bucket array}}
    for (int x : group)
      counts[x]++; // expected-note {{'counts' is filled here}}
    for (const auto &entry : counts)
      emit(std::to_string(entry.second));
  }
}

void set_inserted(const std::vector<std::vector<int>> &groups) {
  while (!groups.empty()) { // expected-note {{in this loop}}
    std::unordered_set<int> seen; // expected-warning {{'seen' is a std::unordered_set created}}
    seen.insert(groups[0].begin(), groups[0].end()); // expected-note {{'seen' is filled here}}
    if (seen.count(3))
      break;
  }
}

void deque_pushed(int n) {
  do { // expected-note {{in this loop}}
    std::deque<int> queue; // expected-warning {{'queue' is a std::deque created and destroyed on every iteration, so the storage it is filled into is allocated and freed each time; declare it before the loop and call 'queue.clear()' at the start of each iteration, which keeps the block map and a block}}
    queue.push_front(n); // expected-note {{'queue' is filled here}}
    total(std::vector<int>(queue.begin(), queue.end()));
  } while (--n > 0);
}

// The key is built per iteration and only lent: to a string_view, to a
// const reference (through a converting constructor), to operator==.
void key_built(const std::vector<int> &ids) {
  for (int id : ids) { // expected-note {{in this loop}}
    std::string key; // expected-warning {{'key' is a std::string created}}
    key.append("user:"); // expected-note {{'key' is filled here}}
    key.append(std::to_string(id));
    lookup(key);
    get(key);
    if (key == "user:0")
      continue;
  }
}

// Read line by line into a string declared in the loop.
void lines(std::ifstream &in) {
  while (in) { // expected-note {{in this loop}}
    std::string line; // expected-warning {{'line' is a std::string created}}
    std::getline(in, line); // expected-note {{'line' is filled here}}
    emit(line);
  }
}

// A sum over the copy of an outer string; then appended to.
void copied_then_appended(const std::string &base, int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    std::string path = base + "/"; // expected-warning {{'path' is a std::string created}}
    path += std::to_string(i); // expected-note {{'path' is filled here}}
    emit(path);
  }
}

// Short literals, but past the inline buffer of a small string.
void long_literals(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    std::string s = "0123456789"; // expected-warning {{'s' is a std::string created}}
    s += "abcdef"; // expected-note {{'s' is filled here}}
    emit(s);
  }
}

// Characters appended in a nested loop: the length is not known.
void chars_in_nested_loop(const std::vector<std::string> &words) {
  for (const auto &w : words) { // expected-note {{in this loop}}
    std::string upper; // expected-warning {{'upper' is a std::string created}}
    for (char c : w)
      upper += c; // expected-note {{'upper' is filled here}}
    emit(upper);
  }
}

// Copy assignment from a const reference reuses a hoisted string's storage.
void assigned(const std::vector<std::string> &names) {
  for (const auto &name : names) { // expected-note {{in this loop}}
    std::string s; // expected-warning {{'s' is a std::string created}}
    s = name; // expected-note {{'s' is filled here}}
    s.resize(40, ' ');
    emit(s);
  }
}

// In a nested block of the body, and reserved.
void in_block(int n, bool verbose) {
  for (int i = 0; i < n; i++) {
    if (verbose) {
      while (n > i) { // expected-note {{in this loop}}
        std::vector<char> buf; // expected-warning {{'buf' is a std::vector created}}
        buf.reserve(4096); // expected-note {{'buf' is filled here}}
        total({buf.size() > 0});
        --n;
      }
    }
  }
}

// In the body of a function template, with a non-dependent type.
template <typename T> void in_template(const std::vector<T> &xs) {
  for (const T &x : xs) { // expected-note {{in this loop}}
    std::vector<int> tmp; // expected-warning {{'tmp' is a std::vector created}}
    tmp.emplace_back(static_cast<int>(x)); // expected-note {{'tmp' is filled here}}
    total(tmp);
  }
}
template void in_template(const std::vector<long> &);
template void in_template(const std::vector<int> &);
