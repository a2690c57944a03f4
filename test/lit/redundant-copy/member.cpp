// redundant-copy, a local copy of a member (`std::string v = value_;`,
// `other.field`, `p->field`) that neither side changes while the copy is in
// use: a `const T &` would do. Then one case per skip clause.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <memory>
#include <string.h>
#include <string>
#include <thread>
#include <utility>
#include <vector>

int lookup(const std::string &key);
void take(std::string s);
void take_rvalue(std::string &&s);

struct Config {
  std::string name; // expected-note 6 {{'name' is declared here}}
  int level;
  void rename(const char *n) { name = n; }
};
Config load();
struct Counter {
  int n = 0;
  void bump() { ++n; }
  int value() const { return n; }
};

// --- flagged -------------------------------------------------------------

struct Holder {
  std::string value; // expected-note 4 {{'value' is declared here}}
  Config config;
  std::string other;
  // A const method: nothing that may mutate runs while the copy lives.
  int read() const {
    std::string v = value; // expected-warning {{'v' copies the member 'value' (a 'std::string') although neither is changed while 'v' is in use; bind 'const std::string &v' instead of copying [memrules-redundant-copy]}}
    return lookup(v);
  }
  int read_this() const {
    std::string v = this->value; // expected-warning {{'v' copies the member 'value'}}
    return lookup(v) + (int)v.size();
  }
  // A field of a field.
  int nested() const {
    std::string n = config.name; // expected-warning {{'n' copies the member 'name'}}
    return lookup(n);
  }
  // A non-const method: only library calls on library values, and const
  // methods of unrelated locals, may run while the copy lives.
  bool is_hidden() {
    std::string v = value; // expected-warning {{'v' copies the member 'value'}}
    return !v.empty() && (v.compare(0, 1, ".") == 0 || v == "~");
  }
  int with_local_counter() {
    Counter c;
    std::string v = value; // expected-warning {{'v' copies the member 'value'}}
    return (int)v.size() + c.value();
  }
};

// Through a const reference, a const pointer, a local object.
int by_reference(const Config &c) {
  std::string n = c.name; // expected-warning {{'n' copies the member 'name' (a 'std::string') although neither is changed while 'n' is in use}}
  return lookup(n);
}
int by_pointer(const Config *c) {
  std::string n = c->name; // expected-warning {{'n' copies the member 'name'}}
  return lookup(n) + c->level;
}
// A view that only points into the copy (a trivially copyable type built
// from it) is a borrow.
struct View {
  const char *p;
  size_t n;
  View(const std::string &s) : p(s.data()), n(s.size()) {}
};
size_t view_length(View v);
size_t viewed(const Config &c) {
  std::string n = c.name; // expected-warning {{'n' copies the member 'name'}}
  return view_length(n);
}
// Assigning unrelated scalars is no change, also in a loop.
int summed(const Config &c) {
  std::string n = c.name; // expected-warning {{'n' copies the member 'name'}}
  int total = 0;
  for (int i = 0; i < 2; ++i)
    total += lookup(n);
  return total;
}
int of_local() {
  Config c = load();
  std::string n = c.name; // expected-warning {{'n' copies the member 'name'}}
  return lookup(n) + c.level;
}

// --- not flagged -----------------------------------------------------------

struct Account {
  std::string name;
  mutable std::string cache;
  void rename(const char *n) { name = n; }
  void clear();
  int size() const;

  // A non-const method of *this while the copy lives.
  int renamed() {
    std::string old = name;
    clear();
    return lookup(old);
  }
  // The member assigned while the copy lives.
  int assigned() {
    std::string old = name;
    name = "x";
    return lookup(old);
  }
  // In a non-const method any call of the project's code may reach *this,
  // even one that takes nothing by non-const reference (is_hidden above,
  // with library calls only, is flagged).
  int project_call() {
    std::string v = name;
    return lookup(v);
  }
  // ... and so may a library object given the project's code to run.
  void work();
  size_t threaded() {
    std::string v = name;
    std::thread worker(&Account::work, this);
    size_t n = v.size();
    worker.join();
    return n;
  }
  // ... and so may a const method of *this.
  int own_const_method() {
    std::string v = name;
    return size() + (int)v.size();
  }
  // A const method, but a call that may mutate something it can reach.
  int bumps(Counter &c) const {
    std::string v = name;
    c.bump();
    return lookup(v);
  }
  // A mutable member: a const method may change it.
  int cached() const {
    std::string v = cache;
    return lookup(v);
  }
  // The copy changed, returned, moved, passed by value, passed to an
  // rvalue parameter, its address kept, captured.
  int changed() const {
    std::string v = name;
    v += "!";
    return lookup(v);
  }
  std::string returned() const {
    std::string v = name;
    return v;
  }
  void moved() const {
    std::string v = name;
    take(std::move(v));
  }
  void by_value() const {
    std::string v = name;
    take(v);
  }
  void by_rvalue() const {
    std::string v = name;
    take_rvalue(std::string(v));
  }
  size_t address() const {
    std::string v = name;
    const std::string *p = &v;
    return p->size();
  }
  size_t captured() const {
    std::string v = name;
    auto f = [v] { return v.size(); };
    return f();
  }
  // static and thread_local copies.
  int static_copy() const {
    static std::string v = name;
    return lookup(v);
  }
  int thread_copy() const {
    thread_local std::string v = name;
    return lookup(v);
  }
};

// Through a non-const reference or pointer, with a project call while the
// copy lives (anything may reach the object).
int by_mutable_reference(Config &c) {
  std::string n = c.name;
  return lookup(n);
}
int by_mutable_pointer(Config *c) {
  std::string n = c->name;
  return lookup(n);
}
// An object reached through a temporary (the shared_ptr may hold the last
// reference: a `const std::string &` would dangle), a global object, a
// by-value parameter (the parameter form judges it).
std::shared_ptr<Config> shared_config();
Config global_config;
int of_temporary() {
  std::string n = shared_config()->name;
  return lookup(n);
}
int of_global() {
  std::string n = global_config.name;
  return lookup(n);
}
int of_value_parameter(Config c) {
  std::string n = c.name;
  return lookup(n) + lookup(c.name);
}
int (*keeps_signature)(Config) = of_value_parameter;
// A local object changed anywhere in the function.
int local_changed() {
  Config c = load();
  std::string n = c.name;
  c.rename("x");
  return lookup(n);
}
// The object may change on a later iteration, after the copy's last use in
// the loop: a reference would see it on the next one.
int changed_in_loop(const Config &c, Config &w) {
  std::string n = c.name;
  int total = 0;
  for (int i = 0; i < 3; ++i) {
    total += lookup(n);
    w.rename("x");
  }
  return total;
}
// A pointer into the copy outlives its last use by name.
size_t pointer_outlives(const Config &c, Config &w) {
  std::string n = c.name;
  const char *p = n.c_str();
  w.rename("x");
  return strlen(p);
}
// The copy handed to a constructor that may keep it.
struct Entry {
  std::string key;
  Entry(const std::string &k) : key(k) {}
};
size_t entry_size(const Entry &e);
size_t kept_by_constructor(const Config &c) {
  std::string n = c.name;
  return entry_size(Entry(n));
}
