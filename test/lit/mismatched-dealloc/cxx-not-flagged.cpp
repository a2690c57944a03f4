// C++ code mismatched-dealloc leaves alone.
// RUN: %memrules -std=c++17 -Wno-mismatched-new-delete -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <cstdlib>
#include <new>

struct Node {
  ~Node();
  int key;
};
void use(void *p);

void matching_pairs(int n) {
  Node *a = new Node;
  Node *b = new Node[n];
  char *c = static_cast<char *>(std::malloc(n));
  char *d = static_cast<char *>(malloc(n));
  use(a);
  use(b);
  use(c);
  use(d);
  delete a;
  delete[] b;
  free(c);      // std::malloc and free: one function
  std::free(d); // malloc and std::free
}

// Placement new allocates nothing; the object is destroyed, not deleted.
void placement() {
  alignas(Node) unsigned char raw[sizeof(Node)];
  Node *p = new (raw) Node;
  p->~Node();
  void *heap = std::malloc(sizeof(Node));
  Node *q = new (heap) Node;
  q->~Node();
  std::free(q);
}

// Class-specific operator new/delete: the class's own business.
struct Pooled {
  static void *operator new(std::size_t n);
  static void operator delete(void *p);
  static void *operator new[](std::size_t n);
  static void operator delete[](void *p);
  int x;
};
void pooled(int n) {
  Pooled *p = new Pooled;
  use(p);
  delete p;
  Pooled *q = static_cast<Pooled *>(std::malloc(sizeof(Pooled)));
  delete q; // Pooled::operator delete may well call free
}

// Branches correlated with the release: new on one path, malloc on the
// other, each released its own way. The values reaching each release are
// mixed, so the rule stays silent.
void correlated(bool cxx, int n) {
  int *p;
  if (cxx)
    p = new int[n];
  else
    p = static_cast<int *>(std::malloc(n * sizeof(int)));
  use(p);
  if (cxx)
    delete[] p;
  else
    std::free(p);
}

// Not libc's free: a namespace's and a class's own.
namespace mylib {
void free(void *p);
}
struct Buffer {
  void free(void *p);
};
void others(Buffer &b, int n) {
  int *p = new int[n];
  int *q = new int[n];
  use(p);
  use(q);
  mylib::free(p);
  b.free(q);
}

// Templates are not judged (neither the pattern nor its instantiations).
template <class T> void release(T *p) { delete p; }
template <class T> void tmpl(int n) {
  T *p = new T[n];
  delete p;
}
void instantiate() { tmpl<int>(3); }

// A lambda may reassign the pointer.
void captured(int n) {
  int *p = new int[n];
  auto reset = [&p] { p = new int; };
  reset();
  delete p;
}
