// C++ with a compile error: clang's error, no crash, no finding.
// RUN: not %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-

#include <vector>

int grid(int n, int m) {
  std::vector<std::vector<int>> g(n, std::vector<int>(m));
  for (int i = 0; i < n; i++)
    g[i].resize(m, undeclared);
  return g[0][0]
}
