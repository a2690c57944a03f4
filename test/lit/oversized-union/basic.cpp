// C++ unions: in classes with member functions (matched without walking
// their bodies), nested in namespaces.
// RUN: %memrules --target=x86_64-linux-gnu -std=c++17 -Xclang -verify %s

struct Big { double m[64]; };

class Token {
public:
  int kind() const { return k; }
  double number() const { return d; }

private:
  int k;
  union { // expected-note {{the anonymous union in class 'Token' is declared here}}
    double d;
    Big big; // expected-warning {{the anonymous union in class 'Token' is 512 bytes because of member 'big' (512 bytes); the next largest member is 'd' (8 bytes): every value pays for the largest, so store 'big' behind a pointer [memrules-oversized-union]}}
  };
};

namespace ns {
union Cell { // expected-note {{union 'ns::Cell' is declared here}}
  int i;
  Big big; // expected-warning {{union 'ns::Cell' is 512 bytes because of member 'big'}}
  int get() const { return i; }
};
} // namespace ns
