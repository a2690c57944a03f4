// small-by-ref: a const pointer to a small struct that a static function
// only reads through.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

struct point { int x, y; };
struct span { const char *data; unsigned long len; };
typedef struct { short tag; char code[6]; } Key;
union word { unsigned u; float f; };

static int manhattan(const struct point *p) { // expected-warning {{parameter 'p' points to 'struct point' (8 bytes), which the function only reads; pass it by value ('struct point p'): it fits in registers and spares every read an indirection [memrules-small-by-ref]}}
  return p->x + p->y;
}

static unsigned long length(const struct span *s) { // expected-warning {{parameter 's' points to 'struct span' (16 bytes)}}
  return s->len ? s->len : (*s).len + sizeof(*s);
}

static struct point copy(const struct point *p) { // expected-warning {{parameter 'p' points to 'struct point' (8 bytes)}}
  struct point q = *p;
  return q;
}

// A typedef'd anonymous struct, an array member read, a union.
static int key_code(const Key *k, int i) { // expected-warning {{parameter 'k' points to 'Key' (8 bytes)}}
  return k->code[i] + k->tag;
}

static unsigned bits(const union word *w) { // expected-warning {{parameter 'w' points to 'union word' (4 bytes)}}
  return w->u;
}

// Reads through the pointer of a member are reads of the member.
static char first_char(const struct span *s) { // expected-warning {{parameter 's' points to 'struct span' (16 bytes)}}
  return s->data[0];
}

int use(struct point *a, struct span *s, Key *k, union word *w) {
  return manhattan(a) + (int)length(s) + copy(a).x + key_code(k, 1) +
         (int)bits(w) + first_char(s);
}
