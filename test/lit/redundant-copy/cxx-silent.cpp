// The C++ forms in a system header, or suppressed in the code, are silent;
// an unsuppressed twin shows what would be reported.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -isystem %S/Inputs -Xclang -verify %s

#include <map>
#include <string>
#include <copy_sys.hpp>

int lookup(const std::string &key);
std::map<std::string, int> table; // expected-note {{'table' is declared here}}

struct Holder {
  std::string value; // expected-note {{'value' is declared here}}
  int ignored() const {
    std::string v = value; // NOLINT(memrules-redundant-copy)
    return lookup(v);
  }
  int reported() const {
    std::string v = value; // expected-warning {{'v' copies the member 'value'}}
    return lookup(v);
  }
};

__attribute__((annotate("memrules::ignore(redundant-copy)")))
size_t annotated(const char *p) {
  return table.count(std::string(p));
}
size_t reported(const char *p) {
  return table.count(std::string(p)); // expected-warning {{a temporary 'std::string' copies 'p' only to look it up in 'table'}}
}
