// C++ code that does not compile gets the compiler's errors and no findings.
// RUN: not %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-redundant-copy

#include <map>
#include <string>

int lookup(const std::string &key);
std::map<std::string, int> table;

struct Holder {
  std::string value;
  int read() const {
    std::string v = value;
    return lookup(v) + ;
  }
  int missing_member() const {
    std::string v = valu;
    return lookup(v);
  }
};
size_t broken_key(const char *p) {
  return table.count(std::string(p, ));
}
size_t named(const char *p) {
  std::string key(p);
  return table.count(key) +;
}
