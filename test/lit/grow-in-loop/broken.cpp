// Code with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// RUN: not %memrules -x c -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %S/Inputs/broken.c 2>&1 | FileCheck %s
// CHECK: error: use of undeclared identifier 'undeclared'
// CHECK-NOT: memrules-

#include <vector>

std::vector<int> broken(const std::vector<int> &xs) {
  std::vector<int> out;
  for (int x : xs)
    out.push_back(x + undeclared);
  for (int i = 0; i < undeclared; ++i)
    out.push_back(i);
  return out;
}
