// Suppressions: a comment on the largest member's line or the line above, an
// annotate attribute on the union or on the struct around an anonymous union.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s
// expected-no-diagnostics

struct big_payload { double m[64]; };

union commented {
  int i;
  // memrules:ignore(oversized-union) values are few and long-lived
  struct big_payload big;
};

union nolint {
  int i;
  struct big_payload big; // NOLINT(memrules-oversized-union)
};

union __attribute__((annotate("memrules::ignore(oversized-union)"))) annotated {
  int i;
  struct big_payload big;
};

struct __attribute__((annotate("memrules::ignore(oversized-union)"))) tagged {
  int tag;
  union {
    int i;
    struct big_payload big;
  };
};
