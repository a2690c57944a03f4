// The grow functions of policy allocator families (named *realloc*) leak the
// same way, unless the family never returns NULL; the fix-it frees with the
// family's own releaser.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/families.yaml -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/families.yaml -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s

#include <stddef.h>

void *sqlite3_malloc(int n);
void *sqlite3_realloc(void *p, int n);
void sqlite3_free(void *p);
void *xrealloc(void *p, size_t n);
void *arena_realloc(void *p, size_t n);

void project_grow(char **items, int n) {
  char *buf = sqlite3_malloc(1);
  buf = sqlite3_realloc(buf, n); // expected-warning {{if sqlite3_realloc fails, 'buf' is overwritten with NULL and the block it pointed to leaks}}
  items[0] = buf;
}
// CHECK: fix-it:"{{.*}}families.c":{17:3-17:33}:"{\n    void *grown = sqlite3_realloc(buf, n);\n    if (!grown)\n      sqlite3_free(buf);\n    buf = grown;\n  }"

// never-null family: aborts on failure, nothing leaks.
void never_null(char **items, size_t n) {
  char *buf = items[0];
  buf = xrealloc(buf, n);
  items[0] = buf;
}

// A family without releasers (an arena): reported, but no fix-it can free.
void *arena_alloc(size_t n);
void arena(char **items, size_t n) {
  char *buf = arena_alloc(1);
  buf = arena_realloc(buf, n); // expected-warning {{if arena_realloc fails}}
  items[0] = buf;
}
// CHECK-NOT: fix-it:"{{.*}}families.c":{33:
