// Suppression: an inline comment, an annotate attribute, the rule off.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics

struct point { int x, y; };

// memrules:ignore(small-by-ref) kept for symmetry with the setters
static int ignored(const struct point *p) { return p->x; }

__attribute__((annotate("memrules::ignore(small-by-ref)")))
static int annotated(const struct point *p) { return p->y; }

static int reported(const struct point *p) { return p->x; } // expected-warning {{parameter 'p' points to 'struct point' (8 bytes)}}

int use(struct point *p) { return ignored(p) + annotated(p) + reported(p); }
