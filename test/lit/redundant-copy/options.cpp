// max-trivial-bytes: a 100-byte trivially copyable record is cheap under
// the default of 128 and expensive under a policy's 32; the recommended
// profile enables the rule.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -Xclang -verify=default %s
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/max32.yaml -Xclang -verify=max32 %s
// default-no-diagnostics

#include <vector>

struct Big { char bytes[100]; };
struct Small { char bytes[32]; };

int first_bytes(const std::vector<Big> &v) {
  int n = 0;
  for (auto b : v) // max32-warning {{loop variable 'b' copies every 'Big' element although the loop only reads it}} max32-note {{the range it copies from}}
    n += b.bytes[0];
  return n;
}

// 32 bytes exactly: not larger than 32.
int small_bytes(const std::vector<Small> &v) {
  int n = 0;
  for (auto s : v)
    n += s.bytes[0];
  return n;
}
