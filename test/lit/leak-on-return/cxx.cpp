// C++: `new` and `new[]` into raw pointer locals; smart pointers, lambdas
// and objects that may register themselves are left alone.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <memory>
#include <cstdlib>

struct Node {
  int v = 0;
  Node *next = nullptr;
  int get() const { return v; }
  void link(Node **head) { next = *head; *head = this; }
};
struct Owner {
  explicit Owner(Node *n) : n(n) {}
  Node *n;
};
Node *head;

int raw(int x) {
  Node *n = new Node; // expected-note {{'n' is allocated here}}
  n->v = x;
  if (x < 0)
    return -1; // expected-warning {{'n' (from new) leaks on this return}}
  delete n; // expected-note {{'n' is released on the other paths here}}
  return 0;
}

int array(int k) {
  int *a = new int[k]; // expected-note {{'a' is allocated here}}
  a[0] = k;
  if (a[0] > 10)
    return a[0]; // expected-warning {{'a' (from new[]) leaks on this return}}
  delete[] a; // expected-note {{'a' is released on the other paths here}}
  return 0;
}

int const_method(int x) {
  Node *n = new Node; // expected-note {{'n' is allocated here}}
  if (n->get() == x)
    return 1; // expected-warning {{'n' (from new) leaks on this return}}
  delete n; // expected-note {{released on the other paths here}}
  return 0;
}

// Not flagged.
std::unique_ptr<Node> smart(int x) {
  Node *n = new Node;
  n->v = x;
  return std::unique_ptr<Node>(n);
}

int owned_by_object(int x) {
  Node *n = new Node;
  Owner o(n);
  return x;
}

int self_registering(int x) {
  Node *n = new Node;
  n->link(&head); // a non-const method may keep `this`
  return x;
}

int captured(int x) {
  Node *n = new Node;
  auto drop = [n] { delete n; };
  if (x)
    return 1;
  drop();
  return 0;
}

struct Registry;
struct Widget {
  explicit Widget(Registry *r);
};
int registers_in_constructor(Registry *r, int x) {
  Widget *w = new Widget(r);
  return x;
}

int placement(void *mem, int x) {
  Node *n = new (mem) Node;
  n->v = x;
  return x;
}

int nothrow_unchecked(int x) {
  Node *n = new (std::nothrow) Node;
  if (x)
    return 1;
  delete n;
  return 0;
}

template <typename T> int templated(int x) {
  T *p = new T;
  if (x)
    return 1;
  delete p;
  return 0;
}
int use_template() { return templated<int>(1); }
