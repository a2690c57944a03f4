// A large trivially copyable parameter is large-by-value's finding when
// that rule runs, and redundant-copy's only when it does not: one finding.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -Xclang -verify=both %s
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -fplugin-arg-memrules-policy=%S/Inputs/max32.yaml -Xclang -verify=alone %s

struct Big { char bytes[200]; };

int first(Big b) { // both-warning {{[memrules-large-by-value]}} alone-warning {{parameter 'b' copies its 'Big' argument on every call although the function only reads it; take 'const Big &b' instead [memrules-redundant-copy]}}
  return b.bytes[0];
}
