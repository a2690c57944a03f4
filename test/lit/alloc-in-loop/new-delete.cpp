// C++: `new`/`delete` pairs in one iteration are flagged like malloc/free;
// placement new, escaping objects and single-trip loops are not.
// RUN: %memrules -std=c++17 -Xclang -verify %s

#include <new>
#include <vector>

struct Node {
  int key;
  Node *next;
};
void visit(Node *n);
void keep(Node *n);

void per_iteration(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    Node *node = new Node{i, nullptr}; // expected-warning {{the same 16 bytes are allocated for 'node' and deleted on every iteration; allocate them once before the loop and reuse them [memrules-alloc-in-loop]}}
    visit(node);
    delete node; // expected-note {{'node' is deleted here}}
  }
}

void array_invariant(int n, int width) {
  int *row;
  while (n-- > 0) { // expected-note {{in this loop}}
    row = new int[width]; // expected-warning {{the same 'width' elements are allocated for 'row' and deleted on every iteration}}
    row[0] = n;
    delete[] row; // expected-note {{'row' is deleted here}}
  }
}

void array_varying(const std::vector<int> &sizes) {
  for (int s : sizes) { // expected-note {{in this loop}}
    char *buf = new char[s]; // expected-warning {{'buf' is allocated and deleted on every iteration; allocate it once before the loop, sized for the largest iteration, and reuse it}}
    buf[0] = 0;
    delete[] buf; // expected-note {{'buf' is deleted here}}
  }
}

// Not flagged: the object escapes, placement new, a loop that runs once,
// and a lambda in the loop body.
void escapes(int n) {
  for (int i = 0; i < n; i++) {
    Node *node = new Node{i, nullptr};
    keep(node);
    if (i % 2)
      delete node;
  }
}

void placement(int n) {
  alignas(Node) unsigned char storage[sizeof(Node)];
  for (int i = 0; i < n; i++) {
    Node *node = new (storage) Node{i, nullptr};
    visit(node);
    node->~Node();
  }
}

void once() {
  do {
    Node *node = new Node{0, nullptr};
    visit(node);
    delete node;
  } while (false);
}

void lambda_in_loop(int n) {
  for (int i = 0; i < n; i++) {
    auto make = [] {
      Node *node = new Node{1, nullptr};
      visit(node);
      delete node;
    };
    make();
  }
}
