// C++: == / != between a string object and literals, and std::string
// fields that only ever hold literals.
// RUN: %memrules -std=c++17 -Xclang -verify %s

#include <string>
#include <string_view>

class Job {
public:
  Job() : state_("queued") {} // expected-note {{"queued" is stored here}}
  void start() { state_ = "running"; } // expected-note {{"running" is stored here}}
  void finish() { state_ = "done"; } // expected-note {{"done" is stored here}}
  bool active() const { return state_ == "running"; } // expected-note {{'state_' is compared with a string literal here}}
  size_t length() const { return state_.size(); }

private:
  std::string state_; // expected-warning {{field 'state_' only ever holds string literals in this file (3: "queued", "running", "done"); a fixed vocabulary is cheaper and safer as an enum [memrules-string-enum]}}
};

struct Settings {
  std::string color = "red"; // expected-note {{"red" is stored here}}
  std::string shape; // a name read from input below: not a vocabulary
  // expected-warning@-2 {{field 'color' only ever holds string literals in this file (3: "red", "green", "blue")}}
};

void paint(Settings &s, bool g) {
  s.color = g ? "green" : "blue"; // expected-note {{"green" is stored here}}
  // expected-note@-1 {{"blue" is stored here}}
}

void reshape(Settings &s, const std::string &from) { s.shape = from; }

int rank(const Settings &s) {
  // folded into the field's finding:
  if (s.color == "red") // expected-note {{'color' is compared with a string literal here}}
    return 1;
  if (s.color == "green")
    return 2;
  return 0;
}

// A local state variable whose branches move it on.
void cycle(std::string_view light, std::string_view &next) {
  std::string_view out;
  if (light == "red") // expected-warning {{'light' is compared with 3 string literals ("red", "green", "amber") in this function; a fixed vocabulary is cheaper and safer as an enum [memrules-string-enum]}}
    out = next;
  else if (light == "green") // expected-note {{compared with "green" here}}
    out = light;
  else if (light == "amber") // expected-note {{compared with "amber" here}}
    out = next;
  next = out;
}
