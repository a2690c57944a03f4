// C++ scratch containers alloc-in-loop must NOT flag (RULES.md "Do not
// flag", and docs/rules/alloc-in-loop.md "What it does not flag").
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <functional>
#include <list>
#include <map>
#include <memory_resource>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

void emit(const std::string &line);
void fill(std::vector<int> &row);
void put_varint(std::string *dst, unsigned v);
void consume(std::string s);
void keep(std::vector<int> &&row);
int total(const std::vector<int> &xs);
std::string make(int i);

// The container leaves the iteration: moved out.
void moved_out(std::vector<std::vector<int>> &out, int n) {
  for (int i = 0; i < n; i++) {
    std::vector<int> row;
    row.push_back(i);
    out.push_back(std::move(row));
  }
}

// Copied into an outer container: push_back, emplace_back, insert, a map
// element, a subscript key. std::move would be the cure, not hoisting.
void copied_out(std::vector<std::string> &out, std::map<std::string, int> &index,
                std::map<int, std::string> &names, int n) {
  for (int i = 0; i < n; i++) {
    std::string a;
    a += make(i);
    out.push_back(a);
  }
  for (int i = 0; i < n; i++) {
    std::string b;
    b += make(i);
    out.emplace_back(b);
  }
  for (int i = 0; i < n; i++) {
    std::string c;
    c += make(i);
    out.insert(out.end(), c);
  }
  for (int i = 0; i < n; i++) {
    std::string d;
    d += make(i);
    names[i] = d;
  }
  for (int i = 0; i < n; i++) {
    std::string e;
    e += make(i);
    index[e]++;
  }
}

// Copy-assigned or copy-constructed into an outer object, or passed by value.
void assigned_out(std::string &last, int n) {
  for (int i = 0; i < n; i++) {
    std::string a;
    a += make(i);
    last = a;
  }
  for (int i = 0; i < n; i++) {
    std::string b;
    b += make(i);
    consume(b);
  }
  for (int i = 0; i < n; i++) {
    std::string c;
    c += make(i);
    std::string copy(c);
    emit(copy);
  }
}

// Returned.
std::vector<int> returned(int n) {
  for (int i = 0; i < n; i++) {
    std::vector<int> row;
    row.push_back(i);
    if (total(row) > 10)
      return row;
  }
  return {};
}

// Swapped with an outer object, either way.
void swapped(std::vector<int> &outer, int n) {
  for (int i = 0; i < n; i++) {
    std::vector<int> row;
    row.push_back(i);
    row.swap(outer);
  }
  for (int i = 0; i < n; i++) {
    std::vector<int> row;
    row.push_back(i);
    std::swap(row, outer);
  }
  for (int i = 0; i < n; i++) {
    std::vector<int> row;
    row.push_back(i);
    outer.swap(row);
  }
}

// Captured by a lambda stored outside the iteration (by reference or by copy).
void captured(std::vector<std::function<void()>> &later, int n) {
  for (int i = 0; i < n; i++) {
    std::string s;
    s += make(i);
    later.push_back([&s] { emit(s); });
  }
  for (int i = 0; i < n; i++) {
    std::string s;
    s += make(i);
    later.push_back([s] { emit(s); });
  }
}

// Passed by non-const reference, by rvalue reference or by pointer to a
// function that may keep it, or bound to a reference.
void lent_mutably(int n, std::string *&saved) {
  for (int i = 0; i < n; i++) {
    std::vector<int> row;
    row.push_back(i);
    fill(row);
  }
  for (int i = 0; i < n; i++) {
    std::vector<int> row;
    row.push_back(i);
    keep(std::move(row));
  }
  for (int i = 0; i < n; i++) {
    std::string s;
    s += make(i);
    put_varint(&s, i);
  }
  for (int i = 0; i < n; i++) {
    std::string s;
    s += make(i);
    std::string &alias = s;
    saved = &alias;
  }
}

// Never filled: an empty container allocates nothing.
void never_filled(int n) {
  for (int i = 0; i < n; i++) {
    std::string s;
    std::vector<int> v;
    emit(s);
    total(v);
  }
}

// A string that stays within the small-string buffer (15 characters):
// built from a short literal, grown by characters and short literals only.
void small_strings(int n) {
  for (int i = 0; i < n; i++) {
    std::string tag = "id:";
    emit(tag);
  }
  for (int i = 0; i < n; i++) {
    std::string tag = "id:";
    tag += 'x';
    tag.push_back('y');
    tag.append("0123");
    tag.append(2, '-');
    emit(tag);
  }
}

// Built by an expression and never appended to: redundant-copy's matter.
// Move assignment of a temporary takes the temporary's storage.
void built_not_appended(const std::string &a, const std::string &b, int n) {
  for (int i = 0; i < n; i++) {
    std::string s = a + b;
    emit(s);
  }
  for (int i = 0; i < n; i++) {
    std::string s;
    s = make(i);
    emit(s);
  }
}

// Initialised with the result of a function: that function made the
// storage, and a container declared before the loop would not change it.
std::vector<std::string> split(const std::string &line);
void from_function(const std::vector<std::string> &lines) {
  for (const auto &line : lines) {
    std::vector<std::string> fields = split(line);
    fields.push_back("end");
    std::string first = make(0);
    first += "!";
    emit(first + fields[0]);
  }
}

// Loops that provably run once.
void runs_once(int n) {
  do {
    std::string s;
    s += make(n);
    emit(s);
  } while (0);
  for (int i = 0; i < 1; i++) {
    std::vector<int> v;
    v.push_back(i);
    total(v);
  }
  while (n > 0) {
    std::vector<int> v;
    v.push_back(n);
    total(v);
    break;
  }
}

// Error paths: declared on a branch that leaves the loop, or filled only
// there.
int error_paths(const std::vector<int> &xs) {
  for (int x : xs) {
    if (x < 0) {
      std::string message;
      message += "negative: ";
      message += std::to_string(x);
      emit(message);
      return -1;
    }
  }
  for (int x : xs) {
    std::string message;
    if (x < 0) {
      message += "negative: ";
      message += std::to_string(x);
      emit(message);
      break;
    }
  }
  return 0;
}

// Node-based containers: clear() frees every node, hoisting saves nothing.
void node_based(const std::vector<int> &xs) {
  for (int x : xs) {
    std::map<int, int> m;
    std::set<int> s;
    std::list<int> l;
    m[x] = 1;
    s.insert(x);
    l.push_back(x);
    total({static_cast<int>(m.size() + s.size() + l.size())});
  }
}

// Another allocator than std::allocator: its storage may come from an arena.
void other_allocator(std::pmr::memory_resource *arena, int n) {
  for (int i = 0; i < n; i++) {
    std::pmr::vector<int> v(arena);
    v.push_back(i);
    std::pmr::string s(arena);
    s += make(i);
  }
}

// Hoisted already: the good form.
void hoisted(const std::vector<std::string> &names) {
  std::string line;
  for (const auto &name : names) {
    line.clear();
    line += "name: ";
    line += name;
    emit(line);
  }
}

// Declared in a lambda in the loop body (runs when called), static, or the
// loop variable of a range-for (a copy: redundant-copy's matter).
void not_per_iteration(const std::vector<std::string> &names) {
  for (const auto &name : names) {
    auto build = [&name] {
      std::string s;
      s += name;
      return s.size();
    };
    build();
  }
  for (const auto &name : names) {
    static std::string s;
    s += name;
  }
  for (std::string s : names) {
    s += "!";
    emit(s);
  }
}

// A dependent container type in a template: not judged.
template <typename T> void dependent(const std::vector<T> &xs) {
  for (const T &x : xs) {
    std::vector<T> tmp;
    tmp.push_back(x);
  }
}
template void dependent(const std::vector<int> &);
