// max-bytes: a 100-byte struct is under the default of 128 and over a
// policy's 64; the recommended profile enables the rule.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify=default %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/max64.yaml -Xclang -verify=max64 %s
// default-no-diagnostics

struct record { char key[96]; int value; };

int value_of(struct record r) { // max64-warning {{parameter 'r' copies all 100 bytes of 'struct record' on every call}}
  return r.value;
}

// 64 bytes exactly: not larger than 64.
struct line { char text[64]; };
char first(struct line l) { return l.text[0]; }
