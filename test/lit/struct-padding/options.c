// min-bytes: a saving of 16 bytes is below the default of 24 and above a
// policy's 8.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify=default %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/min8.yaml -Xclang -verify=min8 %s
// default-no-diagnostics

// min8-warning@+1 {{struct 'sample' is 48 bytes with 21 bytes of padding; ordering its fields by decreasing alignment (x, y, z, a, b, c) makes it 32 bytes [memrules-struct-padding]}}
struct sample {
  char a;
  double x;
  char b;
  double y;
  char c;
  double z;
};

// Saves 8 bytes (24 -> 16): exactly min-bytes under the policy.
// min8-warning@+1 {{struct 'pair' is 24 bytes with 14 bytes of padding; ordering its fields by decreasing alignment (x, a, b) makes it 16 bytes}}
struct pair {
  char a;
  double x;
  char b;
};

// Saves 4 bytes (12 -> 8): below both.
struct tiny {
  char a;
  int x;
  char b;
};
