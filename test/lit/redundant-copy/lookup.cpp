// redundant-copy, FF-5: a std::string built only to look a key up in a map
// or set keyed by std::string, from a `const char *`, a std::string_view
// or a substr(). A transparent comparator finds the key by view. Then one
// case per skip clause. C++17; lookup-std.cpp has the other standards.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <map>
#include <memory_resource>
#include <set>
#include <stdio.h>
#include <stdlib.h>
#include <string>
#include <string_view>
#include <unordered_map>
#include "Inputs/lookup_sys.h"

std::map<std::string, int> table; // expected-note 6 {{'table' is declared here}}
std::map<std::string, int, std::less<>> fast;
std::set<std::string> names; // expected-note {{'names' is declared here}}
std::multimap<std::string, int> multi; // expected-note {{'multi' is declared here}}
std::multiset<std::string> tags; // expected-note {{'tags' is declared here}}
struct Less {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a < b; }
};
std::set<std::string, Less> custom;
using Table = std::map<std::string, int>; // expected-note {{the type of 'aliased' is declared here}}
Table aliased;

// --- flagged: temporaries ------------------------------------------------

int from_pointer(const char *p) {
  return table.count(std::string(p)); // expected-warning {{a temporary 'std::string' copies 'p' only to look it up in 'table', which may allocate on every lookup; declare 'table' with 'std::less<>' and pass 'std::string_view(p)' instead [memrules-redundant-copy]}}
}
bool from_view(std::string_view sv) {
  return fast.find(std::string(sv)) != fast.end(); // expected-warning {{a temporary 'std::string' copies 'sv' only to look it up in 'fast', which may allocate on every lookup; 'fast' compares transparently, so pass 'sv' instead}}
}
size_t from_substr(const std::string &s) {
  return names.count(s.substr(1, 2)); // expected-warning {{a temporary 'std::string' copies part of 's' only to look it up in 'names', which may allocate on every lookup; declare 'names' with 'std::less<>' and pass 'std::string_view(s).substr(1, 2)' instead}}
}
size_t braces(const char *p) {
  return multi.count(std::string{p}); // expected-warning {{copies 'p' only to look it up in 'multi'}}
}
bool pointer_and_length(const char *p, size_t n) {
  return table.lower_bound(std::string(p, n)) != table.end(); // expected-warning {{pass 'std::string_view(p, n)' instead}}
}
bool upper(const char *p) {
  return tags.upper_bound(std::string(p)) != tags.end(); // expected-warning {{copies 'p' only to look it up in 'tags'}}
}
size_t range(std::string_view sv) {
  auto r = table.equal_range(std::string(sv)); // expected-warning {{copies 'sv' only to look it up in 'table'}}
  return r.first == r.second;
}
// An implicit conversion builds the same temporary.
size_t implicit(const char *p) {
  return table.count(p); // expected-warning {{a temporary 'std::string' copies 'p' only to look it up in 'table', which may allocate on every lookup; declare 'table' with 'std::less<>' and pass 'std::string_view(p)' instead}}
}
// A comparator of the project's with is_transparent; a container type
// written through an alias (the note points at the alias).
size_t own_comparator(const char *p) {
  return custom.count(std::string(p)); // expected-warning {{'custom' compares transparently, so pass 'std::string_view(p)' instead}}
}
size_t through_alias(const char *p) {
  return aliased.count(std::string(p)); // expected-warning {{declare 'aliased' with 'std::less<>'}}
}
// A member container; the note points at the field.
struct Index {
  std::map<std::string, int> by_name; // expected-note {{'by_name' is declared here}}
  size_t has(const char *p) const {
    return by_name.count(std::string(p)); // expected-warning {{declare 'by_name' with 'std::less<>'}}
  }
};

// --- flagged: named keys used only for lookups ---------------------------

int named(const char *p) {
  std::string key(p); // expected-warning {{'key' copies 'p' into a 'std::string' only to look it up in 'table', which may allocate; declare 'table' with 'std::less<>' and make it 'std::string_view key = p'}}
  auto it = table.find(key);
  return it == table.end() ? 0 : it->second;
}
size_t named_view(std::string_view sv) {
  std::string key = std::string(sv); // expected-warning {{'key' copies 'sv' into a 'std::string' only to look it up in 'fast', which may allocate; 'fast' compares transparently, so make it 'std::string_view key = sv'}}
  return fast.count(key) + fast.count(key);
}
size_t named_substr(const std::string &line, size_t eq) {
  std::string key = line.substr(0, eq); // expected-warning {{'key' copies part of 'line' into a 'std::string' only to look it up in 'table', which may allocate; declare 'table' with 'std::less<>' and make it 'std::string_view key = std::string_view(line).substr(0, eq)'}}
  return table.count(key);
}

// --- not flagged -----------------------------------------------------------

// No heterogeneous overload before C++26: at(), operator[], insert, emplace.
int no_overload(const char *p) {
  int n = table.at(std::string(p));
  n += table[std::string(p)];
  names.insert(std::string(p));
  names.emplace(std::string(p));
  return n;
}
// Keys built from numbers, literals or a local buffer: a different cure.
size_t from_numbers(int id, char c) {
  char buf[16];
  snprintf(buf, sizeof buf, "%d", id);
  return table.count(std::to_string(id)) + table.count(std::string(3, c)) +
         table.count(std::string(buf)) + table.count(std::string("abc")) + table.count("abc");
}
// A key type other than std::string.
std::pmr::map<std::pmr::string, int> pmr_table;
size_t other_string(const char *p) { return pmr_table.count(std::pmr::string(p)); }
// Unordered containers before C++20 have no heterogeneous lookup.
std::unordered_map<std::string, int> hashed;
size_t unordered(const char *p) { return hashed.count(std::string(p)); }
// The container's type is not written in the project's code: deduced,
// returned by a call, declared in a system header.
std::map<std::string, int> make_table();
std::map<std::string, int> &table_ref();
SysTable sys_table;
size_t unwritten(const char *p) {
  auto local = make_table();
  return local.count(std::string(p)) + table_ref().count(std::string(p)) +
         sys_table.count(std::string(p));
}
// A class of the project's derived from the container: its base list, for
// all its users, would have to change.
struct Settings : std::map<std::string, std::string> {};
Settings settings;
size_t derived(const char *p) { return settings.count(std::string(p)); }
// A named key used for more than lookups, static, captured, or whose
// source changes while it is in use.
size_t key_used_otherwise(const char *p) {
  std::string key(p);
  table[key] = 1;
  return table.count(key);
}
size_t key_size_read(const char *p) {
  std::string key(p);
  return table.count(key) + key.size();
}
size_t static_key(const char *p) {
  static std::string key(p);
  return table.count(key);
}
size_t captured_key(const char *p) {
  std::string key(p);
  auto f = [&] { return table.count(key); };
  return f();
}
size_t source_written(char *p) {
  std::string key(p);
  p[0] = 'x';
  return table.count(key);
}
size_t environment_changed() {
  const char *home = getenv("HOME");
  std::string key(home);
  setenv("HOME", "/", 1);
  return table.count(key);
}
size_t source_reassigned(const char *p, const char *q) {
  std::string key(p);
  p = q;
  return table.count(key) + (p != nullptr);
}
