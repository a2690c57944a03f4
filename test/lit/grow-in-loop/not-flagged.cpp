// What grow-in-loop must not flag in C++.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <list>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

// Reserved before the loop.
std::vector<int> reserved(const std::vector<int> &xs) {
  std::vector<int> out;
  out.reserve(xs.size());
  for (int x : xs)
    out.push_back(x);
  return out;
}

// A conditional push_back in a filtering loop: the count is unknown.
std::vector<int> positives(const std::vector<int> &xs) {
  std::vector<int> out;
  for (int x : xs)
    if (x > 0)
      out.push_back(x);
  return out;
}

std::vector<int> skip_with_continue(const std::vector<int> &xs) {
  std::vector<int> out;
  for (int x : xs) {
    if (x < 0)
      continue;
    out.push_back(x);
  }
  return out;
}

std::vector<int> until_break(const std::vector<int> &xs) {
  std::vector<int> out;
  for (size_t i = 0; i < xs.size(); ++i) {
    out.push_back(xs[i]);
    if (xs[i] == 0)
      break;
  }
  return out;
}

// A loop whose trip count is not known before it: while, a bound that the
// loop changes, a counter the body changes, a bound read through memory.
std::vector<int> until_zero(const int *p) {
  std::vector<int> out;
  while (*p)
    out.push_back(*p++);
  return out;
}

std::vector<int> moving_bound(int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(i);
    n -= i % 2;
  }
  return out;
}

std::vector<int> moving_counter(int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(i);
    i += i % 3;
  }
  return out;
}

struct source { int count; };

std::vector<int> bound_in_memory(source *s) {
  std::vector<int> out;
  for (int i = 0; i < s->count; ++i)
    out.push_back(i);
  return out;
}

std::vector<int> growing_source(std::vector<int> src) {
  std::vector<int> out;
  for (size_t i = 0; i < src.size(); ++i) {
    out.push_back(src[i]);
    src.pop_back();
  }
  return out;
}

// Not a local declared empty in this function: a parameter, a member, a
// container with contents, one used before the loop, one declared in the
// loop, one that outlives an outer loop.
void into_parameter(std::vector<int> &out, const std::vector<int> &xs) {
  for (int x : xs)
    out.push_back(x);
}

struct sink {
  std::vector<int> items;
  void add(const std::vector<int> &xs) {
    for (int x : xs)
      items.push_back(x);
  }
};

std::vector<int> with_contents(const std::vector<int> &xs) {
  std::vector<int> out(xs);
  for (int x : xs)
    out.push_back(x);
  return out;
}

void prepare(std::vector<int> &v);

std::vector<int> used_before(const std::vector<int> &xs) {
  std::vector<int> out;
  prepare(out);
  for (int x : xs)
    out.push_back(x);
  return out;
}

int per_iteration(const std::vector<int> &xs) {
  int total = 0;
  for (int x : xs) {
    std::vector<int> tmp;
    tmp.push_back(x);
    total += tmp.back();
  }
  return total;
}

std::vector<int> across_outer(int rounds, const std::vector<int> &xs) {
  std::vector<int> out;
  for (int r = 0; r < rounds; ++r)
    for (int x : xs)
      out.push_back(x + r);
  return out;
}

// The loop changes the container in other ways.
std::vector<int> also_cleared(const std::vector<int> &xs) {
  std::vector<int> out;
  for (int x : xs) {
    out.push_back(x);
    if (out.size() > 4)
      out.clear();
  }
  return out;
}

// Not a vector-like container: std::list, std::map (no reserve), a class
// not listed in vector-like-classes.
std::list<int> to_list(const std::vector<int> &xs) {
  std::list<int> out;
  for (int x : xs)
    out.push_back(x);
  return out;
}

std::map<int, int> to_map(const std::vector<int> &xs) {
  std::map<int, int> out;
  for (int x : xs)
    out.emplace(x, x);
  return out;
}

template <typename T> struct small_vector {
  void push_back(const T &) {}
  void reserve(unsigned) {}
};

small_vector<int> unlisted(const std::vector<int> &xs) {
  small_vector<int> out;
  for (int x : xs)
    out.push_back(x);
  return out;
}

// A range without size(): the count is not known.
struct numbers {
  const int *b, *e;
  const int *begin() const { return b; }
  const int *end() const { return e; }
};

std::vector<int> from_custom_range(numbers ns) {
  std::vector<int> out;
  for (int x : ns)
    out.push_back(x);
  return out;
}

// Growth by a variable amount: appending whole strings, a list insert.
std::string joined(const std::vector<std::string> &parts) {
  std::string out;
  for (const std::string &p : parts)
    out.append(p);
  return out;
}

std::string concatenated(const std::vector<std::string> &parts) {
  std::string out;
  for (const std::string &p : parts)
    out += p;
  return out;
}

std::unordered_map<int, int> listed(const std::vector<int> &xs) {
  std::unordered_map<int, int> out;
  for (int x : xs)
    out.insert({{x, 1}, {x + 1, 2}});
  return out;
}

// A loop that runs at most once.
std::vector<int> once(const std::vector<int> &xs) {
  std::vector<int> out;
  for (int x : xs) {
    out.push_back(x);
    return out;
  }
  return out;
}

// Iterating over the container being grown.
void self(std::vector<int> seed) {
  std::vector<int> out;
  for (int x : out)
    out.push_back(x);
}
