// Unions whose largest member dwarfs the rest: a named union, the anonymous
// union of a tagged-union struct, the union type of a field, a typedef of an
// anonymous union, an anonymous struct as the largest member.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s

struct big_payload {
  double m[64]; // 512 bytes
};

// expected-note@+1 {{union 'value_data' is declared here}}
union value_data {
  int i;
  double d;
  struct big_payload big; // expected-warning {{union 'value_data' is 512 bytes because of member 'big' (512 bytes); the next largest member is 'd' (8 bytes): every value pays for the largest, so store 'big' behind a pointer [memrules-oversized-union]}}
};

// A union used only through pointers is flagged once, at its definition.
union value_data *lookup(int key);

struct value {
  int tag;
  union { // expected-note {{the anonymous union in struct 'value' is declared here}}
    int i;
    double d;
    struct big_payload big; // expected-warning {{the anonymous union in struct 'value' is 512 bytes because of member 'big' (512 bytes); the next largest member is 'd' (8 bytes): every value pays for the largest, so store 'big' behind a pointer}}
  };
};

struct node {
  int kind;
  union { // expected-note {{the union of field 'as' in struct 'node' is declared here}}
    long l;
    int table[100]; // expected-warning {{the union of field 'as' in struct 'node' is 400 bytes because of member 'table' (400 bytes); the next largest member is 'l' (8 bytes)}}
    void *p;
  } as;
};

// expected-note@+1 {{union 'cell_t' is declared here}}
typedef union {
  float f;
  struct big_payload payload; // expected-warning {{union 'cell_t' is 512 bytes because of member 'payload' (512 bytes); the next largest member is 'f' (4 bytes)}}
} cell_t;

// expected-note@+1 {{union 'message' is declared here}}
union message {
  int code;
  struct { // expected-warning {{union 'message' is 204 bytes because of an anonymous struct (204 bytes); the next largest member is 'code' (4 bytes): every value pays for the largest, so store it behind a pointer}}
    char name[200];
    int len;
  };
};

// Nested: the inner union is judged on its own terms.
struct outer {
  struct {
    int id;
    union { // expected-note {{the anonymous union in the anonymous struct in struct 'outer' is declared here}}
      short s;
      struct big_payload blob; // expected-warning {{the anonymous union in the anonymous struct in struct 'outer' is 512 bytes because of member 'blob' (512 bytes); the next largest member is 's' (2 bytes)}}
    };
  };
};
