// Code that does not compile gets the compiler's errors and no findings.
// RUN: not %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml %s 2>&1 | FileCheck %s
// CHECK: error:
// CHECK-NOT: memrules-small-by-ref

struct point { int x, y; };

static int reads(const struct point *p) { return p->x; }

static int broken(const struct point *p) { return p->missing + ; }

int use(struct point *p) { return reads(p) + broken(p); }
