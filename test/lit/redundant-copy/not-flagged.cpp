// What redundant-copy must not flag (C++): one case per skip clause.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++20 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <map>
#include <string>
#include <utility>
#include <vector>

int lookup(const std::string &key);
void take(std::string s);
struct Point { int x, y; };
struct Big { char bytes[100]; };

// --- range-for ---------------------------------------------------------
// Already a reference; a cheap trivially copyable element; the variable
// changed or moved; a proxy (vector<bool>); a structured binding.
int refs(const std::vector<std::string> &v) {
  int n = 0;
  for (const auto &s : v)
    n += s.size();
  return n;
}
int points(const std::vector<Point> &v) {
  int n = 0;
  for (auto p : v)
    n += p.x;
  return n;
}
int changed(const std::vector<std::string> &v) {
  int n = 0;
  for (auto s : v) {
    s += "!";
    n += lookup(s);
  }
  return n;
}
void moved(const std::vector<std::string> &v) {
  for (auto s : v)
    take(std::move(s));
}
int bits(const std::vector<bool> &v) {
  int n = 0;
  for (auto b : v)
    n += b;
  return n;
}
int bindings(const std::map<std::string, int> &m) {
  int n = 0;
  for (auto [k, v] : m)
    n += k.size() + v;
  return n;
}
// The range itself changes in the loop: a reference would see it.
int range_changed(std::vector<std::string> &v) {
  int n = 0;
  for (auto s : v) {
    v[0] = "x";
    n += s.size();
  }
  return n;
}
// The range is a member and the method may change it.
struct Registry {
  std::vector<std::string> names;
  void rename();
  int scan() {
    int n = 0;
    for (auto s : names) {
      rename();
      n += s.size();
    }
    return n;
  }
};
// A converting copy (const char * to std::string) is no element copy.
int converted(const std::vector<const char *> &v) {
  int n = 0;
  for (std::string s : v)
    n += s.size();
  return n;
}

// --- by-value parameters -----------------------------------------------
// Moved, modified, virtual, a template, address taken, a small trivially
// copyable record, unreferenced, extern "C".
void sink(std::string s) { take(std::move(s)); }
std::string modified(std::string s) {
  s += "!";
  return s;
}
struct Base {
  virtual ~Base();
  virtual int size(std::string s) { return s.size(); }
};
template <typename T> int templated(T t) { return t.size(); }
int use_template() { return templated(std::string("x")); }
static int callback(std::string s) { return s.size(); }
int (*handler)(std::string) = callback;
int cheap(Point p) { return p.x; }
int unused(std::string) { return 0; }
extern "C" int c_abi(std::string s) { return s.size(); }

// --- local copies --------------------------------------------------------
// The copy changed; the source changed after the copy; a copy of a
// by-value parameter (the parameter's form judges it); a static copy;
// a copy of a const reference while something may change.
int copy_changed(const std::string &s) {
  std::string c = s;
  c += "x";
  return lookup(c);
}
int source_changed_after() {
  std::string a = "abc";
  std::string b = a;
  a += "d";
  return lookup(a) + lookup(b);
}
int from_value_parameter(std::string p) {
  std::string c = p;
  return lookup(c) + lookup(p);
}
int (*keeps_signature)(std::string) = from_value_parameter;
int static_copy(const std::string &s) {
  static std::string c = s;
  return lookup(c);
}
struct Account {
  std::string name;
  void rename(const char *n) { name = n; }
};
int reference_changed(Account &a) {
  const std::string &name = a.name;
  std::string before = name;
  a.rename("new");
  return lookup(before) + lookup(name);
}
// The copy handed on: stored (push_back, an assignment), passed by value
// or as an rvalue.
std::string load_one();
std::string last_seen;
size_t stored(std::vector<std::string> &out) {
  std::string a = load_one();
  std::string b = a;
  out.push_back(b);
  return a.size();
}
size_t assigned_on() {
  std::string a = load_one();
  std::string b = a;
  last_seen = b;
  return a.size();
}
size_t passed_by_value() {
  std::string a = load_one();
  std::string b = a;
  take(b);
  return a.size();
}
void take_rvalue(std::string &&s);
size_t passed_as_rvalue() {
  std::string a = load_one();
  std::string b = a;
  take_rvalue(std::string(b));
  return a.size();
}
// A reference into a vector that std::sort reorders through begin()'s
// iterators.
#include <algorithm>
size_t sorted(std::vector<std::string> &v) {
  const std::string &first = v[0];
  std::string before = first;
  std::sort(v.begin(), v.end());
  return before.size() + first.size();
}
// Members as sources: see member.cpp.

// Accessor copies: of a temporary (a reference would dangle), or while
// the object may change.
struct User {
  std::string name_;
  const std::string &name() const { return name_; }
  void rename(const std::string &n) { name_ = n; }
};
User make_user();
int of_temporary() {
  std::string n = make_user().name();
  return lookup(n);
}
int renamed(User &u) {
  std::string old = u.name();
  u.rename("x");
  return lookup(old);
}
