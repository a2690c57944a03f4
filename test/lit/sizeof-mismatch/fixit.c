// Fix-its: `sizeof p` -> `sizeof *p`, and ` + 1` after a bare strlen().
// Applied, the code compiles cleanly and the rule is silent.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: cp %s %t.c && %clang -fsyntax-only -fplugin=%plugin -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -fixit %t.c 2>/dev/null; FileCheck --check-prefix=FIXED --input-file %t.c %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Wall -Wextra -Werror %t.c

#include <stdlib.h>
#include <string.h>

struct big { long a, b, c; };
struct holder { struct big *p; };

struct big *plain(void) {
  struct big *p = malloc(sizeof p);
  // CHECK: fix-it:"{{.*}}":{[[@LINE-1]]:33-[[@LINE-1]]:33}:"*"
  // FIXED: struct big *p = malloc(sizeof *p);
  return p;
}

struct big *parenthesized(size_t n) {
  struct big *p;
  p = calloc(n, sizeof(p));
  // CHECK: fix-it:"{{.*}}":{[[@LINE-1]]:24-[[@LINE-1]]:24}:"*"
  // FIXED: p = calloc(n, sizeof(*p));
  return p;
}

void field(struct holder *h) {
  h->p = malloc(sizeof(h->p));
  // CHECK: fix-it:"{{.*}}":{[[@LINE-1]]:24-[[@LINE-1]]:24}:"*"
  // FIXED: h->p = malloc(sizeof(*h->p));
}

char *copy(const char *name) {
  char *q = malloc(strlen(name));
  // CHECK: fix-it:"{{.*}}":{[[@LINE-1]]:32-[[@LINE-1]]:32}:" + 1"
  // FIXED: char *q = malloc(strlen(name) + 1);
  if (q)
    strcpy(q, name);
  return q;
}
