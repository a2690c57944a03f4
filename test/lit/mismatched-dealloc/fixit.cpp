// The delete <-> delete[] fix-it, applied to a copy and checked again: the
// fixed code is silent.
// RUN: %memrules -std=c++17 -Wno-mismatched-new-delete -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: cp %s %t.cpp && %clang -std=c++17 -fsyntax-only -Wno-mismatched-new-delete -fplugin=%plugin -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -fixit %t.cpp 2>/dev/null; FileCheck --check-prefix=FIXED --input-file %t.cpp %s
// RUN: %memrules -std=c++17 -Wall -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %t.cpp

#include <cstdlib>

struct Node {
  ~Node();
  int key;
};
void use(void *p);

void to_array(int n) {
  Node *nodes = new Node[n];
  use(nodes);
  delete nodes;
  // CHECK: fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:10}:"delete[] "
  // FIXED: {{^}}  delete[] nodes;{{$}}
}

void to_scalar() {
  Node *node = new Node;
  use(node);
  delete [] node;
  // CHECK: fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:13}:"delete "
  // FIXED: {{^}}  delete node;{{$}}
}

void global_form(int n) {
  int *p = new int[n];
  use(p);
  ::delete p;
  // CHECK: fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:12}:"::delete[] "
  // FIXED: {{^}}  ::delete[] p;{{$}}
}

// No fix-it for free() of new: the right release depends on the type.
void no_fix(int n) {
  char *p = new char[n];
  use(p);
  free(p); // expected-warning {{'p' was allocated with new[] but is released with free()}} expected-note@-2 {{allocated with new[] here}}
}
// CHECK-NOT: fix-it
