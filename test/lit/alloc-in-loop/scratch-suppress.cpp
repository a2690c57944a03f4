// A scratch container finding is suppressed by a comment on its
// declaration's line or the line before, and code in (or written by) a
// system header is not checked.
// RUN: %memrules -std=c++17 -isystem %S/Inputs -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <scratch-sys.h>

void emit(const std::string &line);

void suppressed(int n) {
  for (int i = 0; i < n; i++) {
    // memrules:ignore(alloc-in-loop) lines are rare and short
    std::string line;
    line += std::to_string(i);
    emit(line);
  }
  for (int i = 0; i < n; i++) {
    std::string other; // NOLINT(memrules-alloc-in-loop)
    other += std::to_string(i);
    emit(other);
  }
}

void from_macro(int n) {
  for (int i = 0; i < n; i++) {
    SYS_SCRATCH(v);
    emit(std::to_string(v.size()));
  }
}

// The same code unsuppressed is flagged.
void unsuppressed(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    std::string line; // expected-warning {{'line' is a std::string created}}
    line += std::to_string(i); // expected-note {{'line' is filled here}}
    emit(line);
  }
}
