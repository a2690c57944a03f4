// only-internal and max-bytes, each changing the outcome both ways.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify=default %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/all-linkage.yaml -Xclang -verify=all %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/max8.yaml -Xclang -verify=max8 %s

struct point { int x, y; };
struct span { const char *data; unsigned long len; };

// Public: only with only-internal: 0.
int public_x(const struct point *p) { return p->x; } // all-warning {{parameter 'p' points to 'struct point' (8 bytes)}}

// 16 bytes: over a max-bytes of 8.
static unsigned long len(const struct span *s) { return s->len; } // default-warning {{parameter 's' points to 'struct span' (16 bytes)}} all-warning {{parameter 's' points to 'struct span' (16 bytes)}}

static int y_of(const struct point *p) { return p->y; } // default-warning {{parameter 'p' points to 'struct point'}} all-warning {{parameter 'p' points to 'struct point'}} max8-warning {{parameter 'p' points to 'struct point'}}

int use(struct point *p, struct span *s) { return (int)len(s) + y_of(p); }
