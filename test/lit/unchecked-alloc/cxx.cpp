// C++: nothrow new can return NULL (plain new throws instead); libc
// allocators through <cstdlib> count; a class's own malloc does not.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <cstdlib>
#include <cstring>
#include <new>

struct Node {
  int value = 0;
  Node *next = nullptr;
  void touch();
};

namespace mylib {
void *malloc(std::size_t n);
}

void nothrow_new() {
  Node *n = new (std::nothrow) Node; // expected-note {{'n' is allocated here and may be NULL}}
  n->value = 1; // expected-warning {{'n' is dereferenced before any NULL check, but new (std::nothrow) returns NULL when memory runs out}}
  delete n;
}

void nothrow_array(std::size_t count) {
  int *v = new (std::nothrow) int[count]; // expected-note {{'v' is allocated here}}
  v[0] = 1; // expected-warning {{'v' is indexed before any NULL check, but new (std::nothrow) returns NULL}}
  delete[] v;
}

void method_call() {
  Node *n = new (std::nothrow) Node; // expected-note {{'n' is allocated here}}
  n->touch(); // expected-warning {{'n' is dereferenced before any NULL check}}
  delete n;
}

void std_malloc(std::size_t len) {
  char *p = static_cast<char *>(std::malloc(len)); // expected-note {{'p' is allocated here}}
  std::memset(p, 0, len); // expected-warning {{'p' is passed to memset() before any NULL check, but malloc() returns NULL}}
  std::free(p);
}

// Not flagged: plain new, checked nothrow new, nullptr comparisons, a
// namespace's own malloc, lambdas capturing the pointer, templates.
void plain_new() {
  Node *n = new Node;
  n->value = 1;
  delete n;
}

void checked_nothrow() {
  Node *n = new (std::nothrow) Node;
  if (n == nullptr)
    return;
  n->value = 1;
  delete n;
  Node *m = new (std::nothrow) Node;
  if (!m)
    return;
  m->touch();
  delete m;
}

void own_malloc(std::size_t len) {
  char *p = static_cast<char *>(mylib::malloc(len));
  p[0] = 0;
}

void captured(std::size_t len) {
  char *p = static_cast<char *>(std::malloc(len));
  auto check = [&p] { return p != nullptr; };
  if (!check())
    return;
  p[0] = 0;
  std::free(p);
}

template <typename T> T *make_one() {
  T *p = static_cast<T *>(std::malloc(sizeof(T)));
  p->value = 0;
  return p;
}
Node *instantiate() { return make_one<Node>(); }

// A dependent placement new in a template (no operator new until
// instantiation): no crash.
template <typename T> struct Arena {
  char storage[64];
  T *make() { return new (storage) T(); }
  T *make_nothrow() { return new (std::nothrow) T(); }
};
Node *from_arena(Arena<Node> &a) { return a.make(); }
