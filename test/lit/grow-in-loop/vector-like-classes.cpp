// The vector-like-classes option: a listed class is judged like std::vector,
// by its fully-qualified name; unlisted (the default) it is not.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify=unlisted %s
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/listed.yaml -Xclang -verify=listed %s
// unlisted-no-diagnostics

#include <vector>

namespace util {
template <typename T> class SmallVec {
public:
  void push_back(const T &) {}
  void reserve(unsigned long) {}
};
class Buffer {
public:
  void push_back(char) {}
};
} // namespace util

namespace other {
template <typename T> class SmallVec {
public:
  void push_back(const T &) {}
  void reserve(unsigned long) {}
};
} // namespace other

util::SmallVec<int> listed(const std::vector<int> &xs) {
  util::SmallVec<int> out;
  for (int x : xs) // listed-note {{in this loop}}
    out.push_back(x); // listed-warning {{call 'out.reserve(xs.size())' before the loop}}
  return out;
}

// Listed but without reserve: flagged, and no fix-it is offered.
util::Buffer bytes(int n) {
  util::Buffer b;
  for (int i = 0; i < n; ++i) // listed-note {{in this loop}}
    b.push_back('x'); // listed-warning {{'b' grows one element per iteration}}
  return b;
}

// The same name in another namespace is another class.
other::SmallVec<int> unlisted(const std::vector<int> &xs) {
  other::SmallVec<int> out;
  for (int x : xs)
    out.push_back(x);
  return out;
}
