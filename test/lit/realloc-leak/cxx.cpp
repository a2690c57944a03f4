// C++: casts, std::realloc, members, this->, methods named realloc.
// RUN: %memrules -std=c++17 -Xclang -verify %s

#include <cstdlib>

struct Pool {
  void *realloc(void *p, std::size_t n); // not libc's
};

namespace mylib {
void *realloc(void *p, std::size_t n); // not libc's either
}

class Buffer {
public:
  void grow(std::size_t n) {
    data_ = static_cast<char *>(std::realloc(data_, n)); // expected-warning {{if realloc fails, 'data_' is overwritten with NULL and the block it pointed to leaks; assign the result to a temporary first [memrules-realloc-leak]}}
    this->data_ = (char *)realloc(this->data_, n); // expected-warning {{if realloc fails, 'this->data_' is overwritten}}
  }
  ~Buffer() { std::free(data_); }

private:
  char *data_ = nullptr;
  std::size_t size_ = 0;
};

void c_style(std::size_t n) {
  char *p = static_cast<char *>(std::malloc(8));
  p = (char *)realloc(p, n); // expected-warning {{if realloc fails, 'p' is overwritten}}
  std::free(p);
}

void methods(Pool &pool, std::size_t n) {
  void *p = pool.realloc(nullptr, 8);
  p = pool.realloc(p, n);
  void *q = std::malloc(8);
  q = mylib::realloc(q, n);
}

// Reported once, in the template, however many instantiations there are.
template <int N> void templ(char *&p) {
  p = static_cast<char *>(realloc(p, N)); // expected-warning {{if realloc fails, 'p' is overwritten}}
}

void instantiate(char *&a) {
  templ<8>(a);
  templ<16>(a);
}

// A reference parameter is the caller's own pointer: flagged.
void by_reference(char *&p, std::size_t n) {
  p = static_cast<char *>(realloc(p, n)); // expected-warning {{if realloc fails, 'p' is overwritten}}
}
