// C++ owners late-free does not report: every skip clause of the C++ form.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

void visit(int node);
void keep(std::vector<char> v);
struct Parser {
  explicit Parser(std::string_view text);
  int next();
};
struct Sink {
  void feed(const char *p);
  void take(const std::vector<char> &v);
};

// Used after the loop.
int used_after(std::size_t n, int rounds) {
  std::vector<char> buf(n);
  for (int i = 0; i < rounds; i++)
    visit(i);
  return buf[0];
}

// Moved out.
void moved(std::size_t n, int rounds) {
  std::vector<char> buf(n);
  keep(std::move(buf));
  for (int i = 0; i < rounds; i++)
    visit(i);
}

// Returned.
std::vector<char> returned(std::size_t n, int rounds) {
  std::vector<char> buf(n);
  buf[0] = 1;
  if (rounds < 0)
    return buf;
  for (int i = 0; i < rounds; i++)
    visit(i);
  return {};
}

// A pointer, iterator, reference or view into it that lives on.
int pointer_kept(std::size_t n, int rounds) {
  std::vector<char> buf(n);
  char *p = buf.data();
  for (int i = 0; i < rounds; i++)
    visit(p[i]);
  return 0;
}

int iterator_kept(std::size_t n, int rounds) {
  std::vector<int> v(n);
  auto it = v.begin();
  for (int i = 0; i < rounds; i++)
    visit(*it++);
  return 0;
}

int reference_kept(std::size_t n, int rounds) {
  std::string s(n, 'x');
  const std::string &r = s;
  for (int i = 0; i < rounds; i++)
    visit(r[i]);
  return 0;
}

int view_kept(std::size_t n, int rounds) {
  std::string s(n, 'x');
  Parser p(s);
  for (int i = 0; i < rounds; i++)
    visit(p.next());
  return 0;
}

int given_to_an_object(Sink &sink, std::size_t n, int rounds) {
  std::vector<char> buf(n);
  sink.feed(buf.data());
  sink.take(buf);
  for (int i = 0; i < rounds; i++)
    visit(i);
  return 0;
}

int captured_by_reference(std::size_t n, int rounds) {
  std::vector<char> buf(n);
  auto get = [&buf](int i) { return buf[i]; };
  for (int i = 0; i < rounds; i++)
    visit(get(i));
  return 0;
}

// Small constant sizes (< min-bytes), and sizes this cannot see.
void small(int rounds) {
  std::vector<int> v(16);
  v[0] = 1;
  for (int i = 0; i < rounds; i++)
    visit(i);
}

std::string read_all();
void unknown_size(int rounds) {
  std::string s = read_all();
  visit(s[0]);
  for (int i = 0; i < rounds; i++)
    visit(i);
}

void never_sized(int rounds, int x) {
  std::vector<int> v;
  v.push_back(x);
  for (int i = 0; i < rounds; i++)
    visit(i);
}

// The scope ends right after the last use.
void scope_ends(std::size_t n, int rounds) {
  {
    std::vector<char> buf(n);
    std::memset(buf.data(), 0, n);
  }
  for (int i = 0; i < rounds; i++)
    visit(i);
}

// Released already at the last use.
void released(std::size_t n, int rounds) {
  std::vector<char> buf(n);
  buf[0] = 1;
  buf.shrink_to_fit();
  std::vector<char>().swap(buf);
  for (int i = 0; i < rounds; i++)
    visit(i);
}

void reset_early(std::size_t n, int rounds) {
  std::unique_ptr<char[]> buf(new char[n]);
  buf[0] = 1;
  buf.reset();
  for (int i = 0; i < rounds; i++)
    visit(i);
}

// No work after the last use: a loop that releases, a loop that runs once.
void cleanup_loop(std::size_t n, int **items, int count) {
  std::vector<char> buf(n);
  buf[0] = 1;
  for (int i = 0; i < count; i++)
    delete items[i];
}

void once(std::size_t n) {
  std::vector<char> buf(n);
  buf[0] = 1;
  do {
    visit(0);
  } while (0);
}

// A template's owner (its instantiations are not judged).
template <typename T> void in_template(std::size_t n, int rounds) {
  std::vector<T> buf(n);
  buf[0] = T();
  for (int i = 0; i < rounds; i++)
    visit(i);
}
template void in_template<int>(std::size_t, int);
