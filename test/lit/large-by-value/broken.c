// Code that does not compile gets the compiler's errors and no findings.
// RUN: not %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-large-by-value

struct big { char bytes[256]; };

int reads(struct big b) { return b.bytes[0]; }

int broken(struct big b) { return b.missing + ; }
