// redundant-copy, a local copy of what a function returns by const
// reference (`std::string s = setting(key);`, or a static member
// function's): the reference usually points at state anyone may change, so
// only library calls on library values may run while the copy is in use.
// Then one case per skip clause.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <string>
#include <utility>

const std::string &setting(const std::string &key);
const std::string &setting_at(int index);
std::string &mutable_setting(const std::string &key);
void reload();
int lookup(const std::string &key);
void take(std::string s);
struct Registry {
  static const std::string &name_of(int id);
};

// --- flagged -------------------------------------------------------------

bool is_on(const std::string &key) {
  std::string s = setting(key); // expected-warning {{'s' copies the 'std::string' that 'setting()' returns by const reference although nothing changes while it is used; bind 'const std::string &s' instead of copying [memrules-redundant-copy]}}
  return s == "on" || s.compare("yes") == 0;
}
size_t name_length(int id) {
  std::string n = Registry::name_of(id); // expected-warning {{'n' copies the 'std::string' that 'name_of()' returns by const reference}}
  return n.size();
}

// An accessor of *this in a const method: only what may mutate counts.
struct Profile {
  std::string name_;
  const std::string &name() const { return name_; }
  int greet_const() const {
    std::string n = name(); // expected-warning {{'n' copies the 'std::string' that 'name()' returns by const reference}}
    return lookup(n);
  }
  // In a non-const method any call of the project's code may reach *this.
  int greet() {
    std::string n = name();
    return lookup(n);
  }
};

// --- not flagged ---------------------------------------------------------

// A call of the project's code while the copy lives: it may change what
// the reference points to.
size_t reloaded(const std::string &key) {
  std::string s = setting(key);
  reload();
  return s.size();
}
int passed_on(const std::string &key) {
  std::string s = setting(key);
  return lookup(s);
}
// The producer called again (a static result buffer, rewritten by the
// second call: the reason for the copy).
bool same(int a, int b) {
  std::string first = setting_at(a);
  const std::string &second = setting_at(b);
  return first == second;
}
// A temporary record argument: the reference may point into it.
size_t of_temporary(const char *key) {
  std::string s = setting(std::string(key));
  return s.size();
}
// A non-const reference result.
size_t non_const(const std::string &key) {
  std::string s = mutable_setting(key);
  return s.size();
}
// The copy changed, passed by value, moved.
size_t changed(const std::string &key) {
  std::string s = setting(key);
  s += "!";
  return s.size();
}
void passed_by_value(const std::string &key) {
  std::string s = setting(key);
  take(s);
}
void moved(const std::string &key) {
  std::string s = setting(key);
  take(std::move(s));
}
