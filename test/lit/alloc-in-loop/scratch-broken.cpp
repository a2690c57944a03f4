// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error: use of undeclared identifier 'undeclared'
// CHECK-NOT: memrules-

#include <string>
#include <vector>

void emit(const std::string &s);

void broken(const std::vector<std::string> &names) {
  for (const auto &name : names) {
    std::string line;
    line += name + undeclared;
    std::vector<int> v;
    v.push_back(undeclared);
    emit(line);
  }
}
