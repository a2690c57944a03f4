// C++: casts, std::malloc, templates (checked once, as written).
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -std=c++17 -Xclang -verify %s

#include <cstdlib>
#include <cstring>

struct Small { int a, b; };
struct Big { long a, b, c; };

void casts(std::size_t n) {
  Big *p = static_cast<Big *>(std::malloc(sizeof(Small))); // expected-warning {{allocates sizeof(Small) = 8 bytes for 'p', which points to 'Big' (24 bytes); use sizeof *p}}
  Big *q = (Big *)malloc(sizeof(q)); // expected-warning {{allocates the size of the pointer 'q' (8 bytes), not of what it points to (24 bytes)}}
  long *l = reinterpret_cast<long *>(std::calloc(n, sizeof(int))); // expected-warning {{allocates n * sizeof(int): 4 bytes per element for 'l'}}
  std::free(p);
  std::free(q);
  std::free(l);
}

template <typename T> T *make() {
  T *p = static_cast<T *>(std::malloc(sizeof(Small))); // dependent: not judged
  long *l = static_cast<long *>(std::malloc(sizeof(int))); // expected-warning {{allocates sizeof(int) = 4 bytes for 'l'}}
  std::free(l);
  return p;
}

void instantiate() {
  std::free(make<Big>());
  std::free(make<Small>());
}

// Functions named malloc that are not the C library's.
namespace pool {
void *malloc(std::size_t n);
}
struct Arena {
  void *malloc(std::size_t n);
};
void not_libc(Arena &a) {
  Big *p = static_cast<Big *>(pool::malloc(sizeof(Small)));
  Big *q = static_cast<Big *>(a.malloc(sizeof(Small)));
  (void)p;
  (void)q;
}
