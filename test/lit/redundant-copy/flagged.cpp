// redundant-copy in C++: range-for copies, by-value parameters and local
// copies of an expensive type that are only read.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <map>
#include <string>
#include <vector>

int lookup(const std::string &key);

// A range-for variable copied by value, only read.
int total_length(const std::vector<std::string> &names) {
  int n = 0;
  for (auto name : names) // expected-warning {{loop variable 'name' copies every 'std::basic_string<char>' element although the loop only reads it; bind 'const auto &name' instead [memrules-redundant-copy]}} expected-note {{the range it copies from}}
    n += name.size();
  return n;
}

int count_known(const std::vector<std::string> &keys) {
  int known = 0;
  for (const std::string key : keys) // expected-warning {{loop variable 'key' copies every 'std::string' element although the loop only reads it; bind 'const std::string &key' instead}} expected-note {{the range it copies from}}
    known += lookup(key) >= 0;
  return known;
}

// A by-value parameter only read.
bool is_hidden(std::string path) { // expected-warning {{parameter 'path' copies its 'std::string' argument on every call although the function only reads it; take 'const std::string &path' instead}}
  return !path.empty() && path.compare(0, 1, ".") == 0;
}

static size_t entries(std::map<std::string, int> table) { // expected-warning {{parameter 'table' copies its 'std::map<std::string, int>' argument}}
  return table.size() + table.count("x");
}

// A local copy of another local, neither changed afterwards.
std::vector<std::string> load();
size_t first_and_last() {
  std::vector<std::string> items = load();
  std::vector<std::string> view = items; // expected-warning {{'view' copies 'items' (a 'std::vector<std::string>') although neither is changed afterwards; bind 'const std::vector<std::string> &view' instead of copying}}
  // expected-note@-2 {{'items' is declared here}}
  return view.size() + items.size();
}

// A local copy of a const reference, with nothing changed while it lives.
int via_reference(const std::string &name) { // expected-note {{'name' is declared here}}
  std::string copy = name; // expected-warning {{'copy' copies 'name' (a 'std::string') although neither is changed afterwards}}
  return lookup(copy) + (int)copy.size();
}

// A local copy of what an accessor returns by const reference, on a named
// object, with nothing changed while the copy lives.
struct User {
  std::string name_;
  const std::string &name() const { return name_; }
};
int greet(const User &u) {
  std::string n = u.name(); // expected-warning {{'n' copies the 'std::string' that 'name()' returns by const reference although nothing changes while it is used; bind 'const std::string &n' instead of copying}}
  return lookup(n);
}
