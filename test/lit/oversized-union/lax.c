// With the thresholds at their minimum (1 byte, ratio 1), a largest member
// no larger than a pointer is still not flagged: boxing it saves nothing.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/lax.yaml -Xclang -verify %s

union word {
  char c;
  void *p;
};

union wider { // expected-note {{union 'wider' is declared here}}
  void *p;
  long pair[2]; // expected-warning {{union 'wider' is 16 bytes because of member 'pair' (16 bytes); the next largest member is 'p' (8 bytes)}}
};
