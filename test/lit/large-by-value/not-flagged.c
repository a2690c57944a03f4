// What large-by-value must not flag (C).
// RUN: %memrules --target=x86_64-linux-gnu -isystem %S/Inputs -Wno-unknown-warning-option -Wno-deprecated-non-prototype -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <big_sys.h>
#include <stdarg.h>
#include <string.h>

struct big { char name[120]; int n; int list[8]; char *buf; };
struct small { int a, b; };

// At or under max-bytes; pointers and scalars.
int small_one(struct small s) { return s.a; }
int by_pointer(const struct big *b) { return b->n; }

// Modified: assigned whole or in part, incremented, an array member written.
int assigned(struct big b, struct big *other) { b = *other; return b.n; }
int member_set(struct big b) { b.n = 1; return b.n; }
int incremented(struct big b) { return ++b.n; }
int compound(struct big b) { b.n += 2; return b.n; }
int element_set(struct big b) { b.list[0] = 3; return b.list[0]; }
int element_inc(struct big b) { b.list[1]++; return b.list[1]; }

// Its address taken, or a member's, or an array member lent to a function
// that may write it.
int *kept;
void keep_addr(struct big b) { kept = &b.n; }
struct big *whole_addr(struct big b) { struct big *p = &b; return p; }
char *lend(struct big b, const char *src) { return strcpy(b.name, src); }
void fill(char *dst);
int lend_mutable(struct big b) { fill(b.name); return b.name[0]; }
int lend_variadic(struct big b, int (*scan)(const char *, ...)) {
  return scan("%s", b.name);
}
int pointer_arith(struct big b) { char *p = b.name + 1; return *p; }
int decayed_stored(struct big b) { const char *p = b.name; return p[0]; }

// An inline assembly operand.
int in_asm(struct big b) {
  __asm__ volatile("" : "+m"(b));
  return b.n;
}

// Variadic functions, main, and functions without a prototype.
int variadic(struct big b, ...) { return b.n; }
int main(int argc, char **argv) { return argc; }
int knr(b) struct big b; { return b.n; }

// Kept for assembly, or replaceable by another definition.
__attribute__((used)) static int kept_for_asm(struct big b) { return b.n; }
__attribute__((weak)) int replaceable(struct big b) { return b.n; }

// Functions whose address is taken anywhere in the TU: the signature is a
// callback's.
static int cb_read(struct big b) { return b.n; }
static int cb_table(struct big b) { return b.n; }
static int cb_later(struct big b) { return b.n; }
int (*hook)(struct big) = cb_read;
struct ops { int (*get)(struct big); } table = { .get = cb_table };
void install(int (**slot)(struct big)) { *slot = &cb_later; }
static int cb_in_body(struct big b) { return b.n; }
int register_cb(void) {
  int (*f)(struct big) = cb_in_body;
  return f != 0;
}
static int cb_cast(struct big b) { return b.n; }
void *as_void(void) { return (void *)cb_cast; }

// Unused parameters: the signature is someone else's.
int unused(struct big b) { return 0; }

// System headers.
int from_sys(struct sys_big *b) { return sys_first(*b); }

// Written by a macro.
#define GETTER(name) int name(struct big b) { return b.n; }
GETTER(macro_getter)
