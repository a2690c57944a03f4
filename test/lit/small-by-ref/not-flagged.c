// What small-by-ref must not flag (C).
// RUN: %memrules --target=x86_64-linux-gnu -isystem %S/Inputs -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <small_sys.h>
#include <string.h>

struct point { int x, y; };
struct big { long a, b, c; };
struct named { char name[16]; };
struct header { int kind; char data[]; };
struct legacy { int kind; char data[1]; };
struct opaque;

// Functions with external linkage (only-internal defaults to 1).
int ext(const struct point *p) { return p->x; }

// Larger than max-bytes; scalars and arrays (`const int *` is an array more
// often than not); incomplete types; not const; volatile.
static long too_big(const struct big *b) { return b->a; }
static int scalar(const int *p) { return *p; }
static int opaque_use(const struct opaque *o) { return o != 0; }
static int not_const(struct point *p) { return p->x; }
static int vol(const volatile struct point *p) { return p->x; }

// The pointer itself used: compared, null-checked, tested, stored,
// returned, offset, indexed, incremented, cast, passed on, its address taken.
static int compared(const struct point *p, const struct point *q) { return p == q ? 0 : p->x + q->x; }
static int null_checked(const struct point *p) { return p ? p->x : 0; }
static int negated(const struct point *p) { if (!p) return 0; return p->y; }
static const struct point *kept;
static int stored(const struct point *p) { kept = p; return p->x; }
static const struct point *returned(const struct point *p) { return p->x ? p : 0; }
static int offset(const struct point *p) { return (p + 1)->x; }
static int indexed(const struct point *p, int i) { return p[i].x; }
static int stepped(const struct point *p, int n) { int s = 0; while (n--) s += (p++)->x; return s; }
static int cast(const struct point *p) { return *(const int *)p; }
static int pass_on(const struct point *p) { return ext(p); }
static int addr(const struct point *p) { const struct point **pp = &p; return (*pp)->x; }
static int reassigned(const struct point *p, const struct point *q) { p = q; return p->x; }

// A member's address taken, or an array member lent to a function.
static const int *member_addr(const struct point *p) { return &p->y; }
static size_t lend_array(const struct named *n) { return strlen(n->name); }

// Flexible and one-element trailing arrays: the object runs past sizeof.
static int flexible(const struct header *h) { return h->kind + h->data[0]; }
static int one_element(const struct legacy *l) { return l->kind + l->data[2]; }

// Volatile and atomic fields: a copy would not read the object.
struct status { volatile int ready; int code; };
struct counter { _Atomic int hits; };
static int ready(const struct status *s) { return s->ready; }
static int hits(const struct counter *c) { return c->hits; }

// Another parameter that may write the same object.
static void swap_into(struct point *out, const struct point *in) {
  out->x = in->y;
  out->y = in->x;
}

// Kept for assembly.
__attribute__((used)) static int kept_for_asm(const struct point *p) { return p->x; }

// Functions whose address is taken: a comparator, a table entry.
static int cmp(const void *a, const void *b) { return 0; }
static int by_x(const struct point *a) { return a->x; }
static int (*pick)(const struct point *) = by_x;
struct vtable { int (*get)(const struct point *); };
static int get_y(const struct point *p) { return p->y; }
static struct vtable vt = { get_y };
// Taken before the definition (through the prototype), inside its own body
// (the definition is the first declaration), or in a position the tokens
// cannot tell from a taken address (a parenthesised callee).
void register_cb(int (*cb)(const struct point *));
static int early(const struct point *p);
static int (*early_ptr)(const struct point *) = early;
static int early(const struct point *p) { return p->x; }
static int self_registering(const struct point *p) {
  register_cb(self_registering);
  return p->y;
}
static int paren_called(const struct point *p) { return p->x; }
int call_paren(const struct point *p) { return (paren_called)(p); }

// Unused and unnamed parameters.
static int unused(const struct point *p) { return 0; }

// An inline assembly operand.
static int in_asm(const struct point *p) {
  int out;
  __asm__("" : "=r"(out) : "r"(p));
  return out + p->x;
}

// Variadic functions.
static int variadic(const struct point *p, ...) { return p->x; }

// From a system header.
static int from_sys(struct sys_pair *p) { return sys_sum(p); }

// Written by a macro.
#define GETTER(name) static int name(const struct point *p) { return p->x; }
GETTER(macro_getter)

int use(struct point *p, struct big *b, int *i, struct opaque *o, struct named *n,
        struct header *h, struct legacy *l, struct status *st, struct counter *c) {
  return ready(st) + hits(c) + ext(p) + (int)too_big(b) + scalar(i) + opaque_use(o) + not_const(p) +
         vol(p) + compared(p, p) + null_checked(p) + negated(p) + stored(p) +
         returned(p)->x + offset(p) + indexed(p, 0) + stepped(p, 1) + cast(p) +
         pass_on(p) + addr(p) + reassigned(p, p) + *member_addr(p) +
         (int)lend_array(n) + flexible(h) + one_element(l) + cmp(p, p) +
         pick(p) + vt.get(p) + unused(p) + in_asm(p) + variadic(p) +
         from_sys(0) + macro_getter(p) + (swap_into(p, p), 0);
}
