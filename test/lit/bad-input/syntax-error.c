// Broken code: a syntax error in one function. The plugin must not crash
// and must add nothing: -verify fails on any memrules diagnostic, and the
// strict profile enables every rule. Inputs/flaggable.h holds code each rule
// flags in a clean TU (checked by the last RUN line).
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/strict.yaml -Xclang -verify %s
// RUN: %memrules -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/strict.yaml -x c %S/Inputs/flaggable.h 2>&1 | FileCheck --check-prefix=CLEAN %s
// CLEAN-DAG: [memrules-struct-padding]
// CLEAN-DAG: [memrules-oversized-union]
// CLEAN-DAG: [memrules-large-by-value]
// CLEAN-DAG: [memrules-alloc-in-loop]
// CLEAN-DAG: [memrules-realloc-leak]
// CLEAN-DAG: [memrules-alloc-size-overflow]
// CLEAN-DAG: [memrules-unchecked-alloc]
// CLEAN-DAG: [memrules-sizeof-mismatch]
// CLEAN-DAG: [memrules-leak-on-return]
// CLEAN-DAG: [memrules-string-enum]

#include "Inputs/flaggable.h"

void use(char *p);

void broken(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(64) // expected-error {{expected ';'}}
    use(buf);
    free(buf);
  }
  struct { char c; void *p; char d; } x = ; // expected-error {{expected expression}}
}
