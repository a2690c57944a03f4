// min-bytes and ratio: the default policy (128, 3) and policies that lower
// each of them.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify=default %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/min64.yaml -Xclang -verify=min64 %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/ratio2.yaml -Xclang -verify=ratio2 %s

struct b96 { char c[96]; };
struct b135 { char c[135]; };
struct b136 { char c[136]; };
struct b192 { char c[192]; };
struct b200 { char c[200]; };
struct b400 { char c[400]; };

// 96 vs 8: 88 bytes more, below the default 128 and above 64.
union small_gap { // min64-note {{union 'small_gap' is declared here}}
  double d;
  struct b96 big; // min64-warning {{union 'small_gap' is 96 bytes because of member 'big' (96 bytes); the next largest member is 'd' (8 bytes)}}
};

// 136 vs 8: exactly 128 more.
union at_min { // default-note {{union 'at_min' is declared here}} min64-note {{union 'at_min' is declared here}} ratio2-note {{union 'at_min' is declared here}}
  double d;
  struct b136 big; // default-warning {{union 'at_min' is 136 bytes because of member 'big' (136 bytes)}} min64-warning {{union 'at_min' is 136 bytes}} ratio2-warning {{union 'at_min' is 136 bytes}}
};

// 135 vs 8: 127 more, one byte short of the default.
union below_min { // min64-note {{union 'below_min' is declared here}}
  double d;
  struct b135 big; // min64-warning {{union 'below_min' is 136 bytes because of member 'big' (135 bytes)}}
};

// 400 vs 200: 200 more but only twice as large.
union ratio_two { // ratio2-note {{union 'ratio_two' is declared here}}
  struct b200 half;
  struct b400 big; // ratio2-warning {{union 'ratio_two' is 400 bytes because of member 'big' (400 bytes); the next largest member is 'half' (200 bytes)}}
};

// 192 vs 64: exactly three times as large, 128 more.
struct b64 { char c[64]; };
union ratio_three { // default-note {{declared here}} min64-note {{declared here}} ratio2-note {{declared here}}
  struct b64 small;
  struct b192 big; // default-warning {{union 'ratio_three' is 192 bytes because of member 'big' (192 bytes); the next largest member is 'small' (64 bytes)}} min64-warning {{ratio_three}} ratio2-warning {{ratio_three}}
};
