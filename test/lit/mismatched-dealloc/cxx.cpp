// C++: free() of new, delete of malloc(), delete vs delete[] both ways.
// RUN: %memrules -std=c++17 -Wno-mismatched-new-delete -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <cstdlib>
#include <cstring>
#include <new>

struct Node {
  ~Node();
  int key;
};
void use(void *p);

void free_of_new_array(std::size_t n) {
  char *buf = new char[n]; // expected-note {{'buf' is allocated with new[] here}}
  use(buf);
  free(buf); // expected-warning {{'buf' was allocated with new[] but is released with free(), which is undefined behaviour (the heap can be corrupted); use delete[] [memrules-mismatched-dealloc]}}
}

void std_free_of_new() {
  Node *node = new Node(); // expected-note {{'node' is allocated with new here}}
  use(node);
  std::free(node); // expected-warning {{'node' was allocated with new but is released with free(), which is undefined behaviour (the heap can be corrupted); use delete}}
}

void delete_of_malloc(std::size_t n) {
  char *p = static_cast<char *>(std::malloc(n)); // expected-note {{'p' is allocated with malloc() here}}
  use(p);
  delete p; // expected-warning {{'p' was allocated with malloc() but is released with delete, which is undefined behaviour (the heap can be corrupted); use free()}}
}

void delete_array_of_strdup(const char *s) {
  char *copy = strdup(s); // expected-note {{'copy' is allocated with strdup() here}}
  use(copy);
  delete[] copy; // expected-warning {{'copy' was allocated with strdup() but is released with delete[], which is undefined behaviour (the heap can be corrupted); use free()}}
}

void delete_of_new_array(int n) {
  Node *nodes = new Node[n]; // expected-note {{'nodes' is allocated with new[] here}}
  use(nodes);
  delete nodes; // expected-warning {{'nodes' was allocated with new[] but is released with delete, which is undefined behaviour (the heap can be corrupted); use delete[]}}
}

void delete_array_of_new() {
  Node *node = new Node; // expected-note {{'node' is allocated with new here}}
  use(node);
  delete[] node; // expected-warning {{'node' was allocated with new but is released with delete[], which is undefined behaviour (the heap can be corrupted); use delete}}
}

void nothrow_new(int n) {
  int *p = new (std::nothrow) int[n]; // expected-note {{'p' is allocated with new[] here}}
  use(p);
  delete p; // expected-warning {{'p' was allocated with new[] but is released with delete}}
}

// Every allocation that reaches the release is wrong the same way.
void on_some_path(bool c, int n) {
  int *p = nullptr;
  if (c)
    p = new int[n]; // expected-note {{'p' is allocated with new[] here}}
  delete p; // expected-warning {{'p' was allocated with new[] but is released with delete}}
}

void free_of_a_stack_object() {
  Node local;
  delete &local; // expected-warning {{the address of the automatic variable 'local' is released with delete, which is undefined behaviour}}
}

void free_of_a_literal() {
  const char *s = "literal"; // expected-note {{'s' is assigned the string literal "literal" here}}
  free(const_cast<char *>(s)); // expected-warning {{'s' points to the string literal "literal" when it is released with free()}}
}
