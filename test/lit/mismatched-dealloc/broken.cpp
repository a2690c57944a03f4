// C++ with a compile error: no crash.
// RUN: not %memrules -std=c++17 -Wno-mismatched-new-delete %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-

struct Node {
  ~Node();
};

void broken(int n) {
  Node *p = new Node[n];
  if (n)
    p = new Undeclared;
  delete p;
  delete[] q;
}
