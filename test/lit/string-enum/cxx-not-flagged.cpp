// C++ forms string-enum must not flag.
// RUN: %memrules -std=c++17 -Xclang -verify %s
// expected-no-diagnostics

#include <string>
#include <string_view>

enum class Level { Low, Mid, High, Unknown };

// A parser: text to enum.
Level parse_level(std::string_view s) {
  if (s == "low")
    return Level::Low;
  if (s == "mid")
    return Level::Mid;
  if (s == "high")
    return Level::High;
  return Level::Unknown;
}

void on_start();
void on_stop();
void on_pause();

// A dispatcher on a std::string.
void handle(const std::string &s) {
  if (s == "start")
    on_start();
  else if (s == "stop")
    on_stop();
  else if (s == "pause")
    on_pause();
}

// A std::string field that is also assigned outside text.
struct Task {
  std::string state;
};
void queue(Task &t) { t.state = "queued"; }
void run(Task &t) { t.state = "running"; }
void done(Task &t) { t.state = "done"; }
void load(Task &t, const std::string &from) { t.state = from; }
bool busy(const Task &t) { return t.state == "running"; }

// A std::string field modified in place.
struct Path {
  std::string base = "a";
  void next() { base = "b"; }
  void last() { base = "c"; }
  void grow() { base += "/x"; }
  bool at_a() const { return base == "a"; }
};

// Templates: only the pattern counts, not each instantiation.
template <typename T> int kind(const T &v) {
  if (v == "x")
    return 1;
  if (v == "y")
    return 2;
  if (v == "z")
    return 3;
  return 0;
}
int use_kind() { return kind(std::string("x")) + kind(std::string_view("y")); }
