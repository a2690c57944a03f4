// format-alloc in C++: a local std::string made by concatenation or
// std::to_string, whose only use is one write to a stream or a log call.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/log.yaml -Xclang -verify %s
#include <iostream>
#include <sstream>
#include <string>

namespace app { void log(const std::string &text); }

void greet(std::ostream &out, const std::string &name) {
  std::string line = "hello, " + name + "!"; // expected-warning {{'line' is a std::string built only to be written to a stream once; write the parts (or std::format_to the output) directly instead of building a temporary string [memrules-format-alloc]}}
  out << line << '\n'; // expected-note {{its only use}}
}

void count(long n) {
  std::string text = std::to_string(n); // expected-warning {{'text' is a std::string built only to be written to a stream once}}
  std::cerr << text; // expected-note {{its only use}}
}

void logged(const std::string &user) {
  std::string message = "login: " + user; // expected-warning {{'message' is a std::string built only to be passed to a log function once}}
  app::log(message); // expected-note {{its only use}}
}

// Not flagged: used twice, kept, edited, or made by something else.
std::string kept(const std::string &a) {
  std::string s = a + "/";
  std::cout << s;
  return s;
}
void twice(const std::string &a) {
  std::string s = a + "/";
  std::cout << s;
  std::cerr << s;
}
void edited(const std::string &a) {
  std::string s = a + "/";
  s += "x";
  std::cout << s;
}
void copied(const std::string &a) {
  std::string s = a;
  std::cout << s;
}
void into_string_stream(std::ostringstream &os, const std::string &a) {
  std::string s = a + "/";
  std::cout << s.size();
}
void loop_print(const std::string &a, int n) {
  std::string s = a + "/";
  for (int i = 0; i < n; i++)
    std::cout << s;
}
