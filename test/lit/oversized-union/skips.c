// What oversized-union leaves alone.
// RUN: %memrules --target=x86_64-linux-gnu -isystem %S/Inputs -Xclang -verify %s
// expected-no-diagnostics

// Unions from a system header.
#include <union_sys.h>
union sys_value *use_sys(struct sys_tagged *t);

struct big_payload { double m[64]; };

// Overlays for type punning: a byte array spanning the whole union.
union overlay {
  struct big_payload p;
  unsigned char raw[sizeof(struct big_payload)];
  int tag;
};

// An aligned buffer: the char array is the union; the double only aligns it.
union aligned_buf {
  double align;
  char buf[512];
};

union signed_bytes {
  int i;
  signed char bytes[512];
};

typedef unsigned char u8;
union typedef_bytes {
  long l;
  u8 bytes[2][256];
};

// Fewer than two members.
union single {
  struct big_payload only;
};

// Below min-bytes: 120 bytes vs 8.
struct b120 { char c[120]; };
union below {
  double d;
  struct b120 big;
};

// Ratio not met: 512 vs 256, twice as large.
struct b256 { char c[256]; };
union balanced {
  struct b256 half;
  struct big_payload big;
};

// Two members of the same largest size.
union twins {
  struct big_payload a;
  struct big_payload b;
  int small;
};

// A tagged struct whose anonymous union is balanced.
struct tagged {
  int tag;
  union {
    long l;
    double d;
    void *p;
  };
};

// Variable-length layouts: a member ending in a flexible array or the old
// [1] idiom for one. The message is allocated at its real length.
struct gossip { char name[40]; unsigned ping, pong; char ip[46]; };
struct slots_update { unsigned long epoch; unsigned char slots[2048]; };
union msg_data {
  struct { struct gossip gossip[1]; } ping;
  struct { struct slots_update cfg; } update;
};
union msg_flex {
  struct { int n; long items[]; } list;
  struct { char text[1024]; } note;
};

// Packed layouts mirror a wire or disk format.
union __attribute__((packed)) wire_value {
  int i;
  struct big_payload big;
};
struct __attribute__((packed)) wire_record {
  int tag;
  union {
    int i;
    struct big_payload big;
  };
};
#pragma pack(push, 4)
struct disk_record {
  int tag;
  union {
    int i;
    struct big_payload big;
  } u;
};
#pragma pack(pop)
