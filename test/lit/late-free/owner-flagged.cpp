// C++ owners (RULES.md late-free, settled details): a local std::vector,
// std::string or std::unique_ptr<T[]> whose buffer is sized at run time or
// to at least min-bytes, last used before a loop (or a call of a function
// that loops) that does not touch it, is reported at the closing brace of
// its scope, where its destructor releases it.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// RUN: %memrules -std=c++14 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

void visit(int node);
int parse(const std::vector<char> &raw);

int vector_counted(int fd, std::size_t n, int rounds) {
  std::vector<char> raw(n); // expected-note {{'raw' is sized here}}
  read(fd, raw.data(), raw.size());
  int nodes = parse(raw); // expected-note {{last use of 'raw'}}
  for (int i = 0; i < nodes * rounds; i++) // expected-note {{this loop does not use 'raw'}}
    visit(i);
  return nodes;
} // expected-warning {{'raw' (std::vector, of a size known only at run time) keeps its buffer until the end of its scope, after a loop that does not use it: the memory stays allocated while that runs; release it after its last use with 'raw.clear(); raw.shrink_to_fit();' (or swap it with an empty vector), or end a block there}}

void walk(int rounds) {
  for (int i = 0; i < rounds; i++)
    visit(i);
}

void string_resized(std::size_t n, int rounds) {
  std::string text;
  text.resize(n); // expected-note {{'text' is sized here}}
  std::sort(text.begin(), text.end()); // expected-note {{last use of 'text'}}
  walk(rounds); // expected-note {{this call loops without using 'text'}}
} // expected-warning {{'text' (std::string, of a size known only at run time) keeps its buffer until the end of its scope, after a call of 'walk()' that loops without using it}}

void unique_array(std::size_t n, int rounds) {
  std::unique_ptr<char[]> buf(new char[n]); // expected-note {{'buf' is sized here}}
  std::memset(buf.get(), 0, n); // expected-note {{last use of 'buf'}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
} // expected-warning {{'buf' (std::unique_ptr<T[]>, of a size known only at run time) keeps its buffer until the end of its scope, after a loop that does not use it: the memory stays allocated while that runs; release it after its last use with 'buf.reset();', or end a block there}}

void made_unique(std::size_t n, int rounds) {
  auto buf = std::make_unique<int[]>(n); // expected-note {{sized here}}
  buf[0] = 1; // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
} // expected-warning {{'buf' (std::unique_ptr<T[]>, of a size known only at run time) keeps its buffer}}

void large_constant(int rounds) {
  std::vector<double> table(1 << 14); // expected-note {{sized here}}
  table[0] = 1.0; // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
} // expected-warning {{'table' (std::vector, 131072 bytes) keeps its buffer}}

void inner_block(std::size_t n, int rounds) {
  for (int r = 0; r < rounds; r++) {
    std::vector<int> scratch;
    scratch.reserve(n);
    scratch.push_back(r);
    for (int i = 0; i < rounds; i++)
      visit(i + scratch.size() * 0);
    visit(r);
  } // no: scratch is used in the loop
  std::vector<int> late(n); // expected-note {{sized here}}
  late.clear(); // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
} // expected-warning {{'late' (std::vector, of a size known only at run time) keeps its buffer}}

// Pointers stored in the vector are its contents, not pointers into it.
struct File;
bool (*callback)(File *);
void pointers_held(File **files, std::size_t n, int rounds) {
  std::vector<File *> tmp;
  tmp.reserve(n); // expected-note {{sized here}}
  for (std::size_t i = 0; i < n; i++)
    tmp.push_back(files[i]);
  for (std::size_t i = 0; i < tmp.size(); i++)
    (*callback)(tmp[i]); // expected-note {{last use}}
  for (int i = 0; i < rounds; i++) // expected-note {{this loop}}
    visit(i);
} // expected-warning {{'tmp' (std::vector, of a size known only at run time) keeps its buffer}}
