// substring-copy in C++: the same C forms in C++ code (a method, a
// reference parameter's field). RULES.md names only the C forms, so
// std::string(p, n) and std::string::substr are not judged.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

struct Entry { char *key; };

struct Index {
  Entry entries[16];
  void load(const char *text, int n) { // expected-note {{the buffer}}
    for (int i = 0; i < n; i++) { // expected-note {{the loop}}
      size_t len = std::strcspn(text, ";");
      entries[i].key = strndup(text, len); // expected-warning {{a slice of 'text' is copied by strndup on every iteration only to be kept in a record}} expected-note {{the copy is kept in a record here}}
      text += len + 1;
    }
  }
};

// Not judged: C++ strings own their text by design.
void strings(const std::string &text, std::vector<std::string> &out) {
  for (size_t i = 0; i + 2 <= text.size(); i += 2)
    out.push_back(text.substr(i, 2));
}
