// Before C++17 a container initialised from a temporary is move-constructed
// from it: an operator's result is still flagged once appended to, a
// function's result is not (the function made the storage).
// RUN: %memrules -std=c++14 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <string>
#include <vector>

void emit(const std::string &line);
std::vector<std::string> split(const std::string &line);

void paths(const std::string &base, const std::vector<std::string> &lines) {
  for (const auto &line : lines) { // expected-note {{in this loop}}
    std::string path = base + "/"; // expected-warning {{'path' is a std::string created}}
    path += line; // expected-note {{'path' is filled here}}
    emit(path);
    std::vector<std::string> fields = split(line);
    fields.push_back("end");
    emit(fields[0]);
  }
}
