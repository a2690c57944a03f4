// std::variant: judged from its alternatives, once per variant type, at the
// first declaration that spells it.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -Xclang -verify %s

#include <string>
#include <variant>

struct Big { double m[64]; };     // 512 bytes
struct Small { int a, b; };       // 8 bytes

// A variable.
std::variant<int, Big> value; // expected-warning {{'std::variant<int, Big>' is 520 bytes because of alternative 'Big' (512 bytes); the next largest alternative is 'int' (4 bytes): every value pays for the largest, so store 'Big' behind a pointer [memrules-oversized-union]}}
// The same type again: already reported.
std::variant<int, Big> other_value;

// A field.
struct Holder {
  int id;
  std::variant<Small, Big, long> v; // expected-warning {{'std::variant<Small, Big, long>' is 520 bytes because of alternative 'Big' (512 bytes); the next largest alternative is 'Small' (8 bytes)}}
};

// A parameter.
int take(std::variant<char, Big, short> v) { // expected-warning {{'std::variant<char, Big, short>' is 520 bytes because of alternative 'Big' (512 bytes); the next largest alternative is 'short' (2 bytes)}} expected-warning {{parameter 'v' copies all 520 bytes of 'std::variant<char, Big, short>'}}
  return v.index();
}

// A local.
int local() {
  std::variant<float, Big> tmp; // expected-warning {{'std::variant<float, Big>' is 520 bytes because of alternative 'Big' (512 bytes); the next largest alternative is 'float' (4 bytes)}}
  return tmp.index();
}

// An alias spells it; its uses do not.
using Value = std::variant<bool, Big>; // expected-warning {{'std::variant<bool, Big>' is 520 bytes because of alternative 'Big' (512 bytes); the next largest alternative is 'bool' (1 byte)}}
Value a, b;
int use(const Value &v) { return v.index(); }

// Alternatives named as written (typedefs kept).
typedef Big Frame;
std::variant<std::string, Frame> framed; // expected-warning {{'std::variant<std::string, Frame>' is 520 bytes because of alternative 'Frame' (512 bytes); the next largest alternative is 'std::string' (32 bytes)}}

// The fix: the large alternative behind a pointer.
#include <memory>
std::variant<int, std::unique_ptr<Big>> boxed;
