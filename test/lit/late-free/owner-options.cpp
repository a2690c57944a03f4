// The C++ form: min-bytes both ways (an 8 KiB vector is reported only when
// the policy lowers it to 4096); suppressed inline at the closing brace, per
// function or by the policy; silent in a system header.
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -isystem %S/Inputs -Xclang -verify=default %s
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/small.yaml -isystem %S/Inputs -Xclang -verify=default,small %s
// RUN: %memrules -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -isystem %S/Inputs -Xclang -verify=off %s
// off-no-diagnostics

#include <owner-sys.h>

void eight_kib(int rounds) {
  std::vector<long> table(1024); // small-note {{sized here}}
  table[0] = 1; // small-note {{last use}}
  for (int i = 0; i < rounds; i++) // small-note {{this loop}}
    visit(i);
} // small-warning {{'table' (std::vector, 8192 bytes) keeps its buffer}}

void run_time(std::size_t n, int rounds) {
  std::vector<char> buf(n); // default-note {{sized here}}
  buf[0] = 1; // default-note {{last use}}
  for (int i = 0; i < rounds; i++) // default-note {{this loop}}
    visit(i);
} // default-warning {{'buf' (std::vector, of a size known only at run time) keeps its buffer}}

void ignored_inline(std::size_t n, int rounds) {
  std::vector<char> buf(n);
  buf[0] = 1;
  for (int i = 0; i < rounds; i++)
    visit(i);
} // NOLINT(memrules-late-free)

__attribute__((annotate("memrules::ignore(late-free)")))
void ignored_function(std::size_t n, int rounds) {
  std::vector<char> buf(n);
  buf[0] = 1;
  for (int i = 0; i < rounds; i++)
    visit(i);
}

int in_system_header(std::size_t n, int rounds) { return sys_owner(n, rounds); }
