// redundant-copy, FF-5 by language level: nothing before C++14 (no
// heterogeneous lookup); in C++14 only `const char *` keys of ordered
// containers, passed as they are (no std::string_view yet), and no named
// keys; unordered containers and contains() from C++20, where a
// transparent hash and std::equal_to<> are what to add.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++11 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify=cxx11 %s
// RUN: %memrules --target=x86_64-linux-gnu -std=c++14 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify=cxx14 %s
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify=cxx17 %s
// RUN: %memrules --target=x86_64-linux-gnu -std=c++20 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify=cxx20 %s
// cxx11-no-diagnostics

#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

std::map<std::string, int> table; // cxx14-note 2 {{'table' is declared here}} cxx17-note 4 {{'table' is declared here}} cxx20-note 5 {{'table' is declared here}}

size_t explicit_pointer(const char *p) {
  return table.count(std::string(p)); // cxx14-warning {{declare 'table' with 'std::less<>' and pass 'p' instead}} cxx17-warning {{declare 'table' with 'std::less<>' and pass 'std::string_view(p)' instead}} cxx20-warning {{pass 'std::string_view(p)' instead}}
}
size_t implicit_pointer(const char *p) {
  return table.count(p); // cxx14-warning {{declare 'table' with 'std::less<>' and pass 'p' as it is}} cxx17-warning {{pass 'std::string_view(p)' instead}} cxx20-warning {{pass 'std::string_view(p)' instead}}
}
// A substring or a named key needs std::string_view (C++17).
size_t substring(const std::string &s) {
  return table.count(s.substr(1)); // cxx17-warning {{pass 'std::string_view(s).substr(1)' instead}} cxx20-warning {{pass 'std::string_view(s).substr(1)' instead}}
}

#if __cplusplus >= 202002L
struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
std::unordered_map<std::string, int> hashed; // cxx20-note {{'hashed' is declared here}}
std::unordered_set<std::string, Hash, std::equal_to<>> fast_set;
std::unordered_set<std::string, Hash> half_transparent; // cxx20-note {{'half_transparent' is declared here}}

size_t unordered(const char *p) {
  return hashed.count(std::string(p)); // cxx20-warning {{a temporary 'std::string' copies 'p' only to look it up in 'hashed', which may allocate on every lookup; declare 'hashed' with a transparent hash and 'std::equal_to<>' and pass 'std::string_view(p)' instead}}
}
bool transparent_set(std::string_view sv) {
  return fast_set.contains(std::string(sv)); // cxx20-warning {{'fast_set' compares transparently, so pass 'sv' instead}}
}
// A transparent hash without a transparent equality is not enough.
size_t half(const char *p) {
  return half_transparent.count(std::string(p)); // cxx20-warning {{declare 'half_transparent' with a transparent hash and 'std::equal_to<>'}}
}
bool contains(const char *p) {
  return table.contains(std::string(p)); // cxx20-warning {{copies 'p' only to look it up in 'table'}}
}
#else
std::unordered_map<std::string, int> hashed;
size_t unordered(const char *p) { return hashed.count(std::string(p)); }
#endif

#if __cplusplus >= 201402L
size_t named(const char *p) {
  std::string key(p); // cxx17-warning {{make it 'std::string_view key = p'}} cxx20-warning {{make it 'std::string_view key = p'}}
  return table.count(key);
}
#endif
