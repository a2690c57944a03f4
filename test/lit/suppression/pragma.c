// `#pragma memrules ignore(...)`: the suppression that survives
// preprocessing (distcc, icecream). It applies to the next line; ignore-begin
// and ignore-end bracket a region. Checked on the source, on its -E output
// (the pragma must still be there, comments are not), and with unused
// suppressions reported.
// RUN: %memrules -Xclang -verify %s
// (distcc preprocesses with the build's flags, the plugin's included: it
// must leave the pragma in place.)
// RUN: %clang -E -fplugin=%plugin %s -o %t.i
// RUN: FileCheck --check-prefix=PREPROCESSED %s < %t.i
// RUN: %memrules -fno-caret-diagnostics %s 2> %t.source.txt
// RUN: %memrules -fno-caret-diagnostics %t.i 2> %t.preprocessed.txt
// RUN: diff %t.source.txt %t.preprocessed.txt
// RUN: FileCheck --check-prefix=SAME %s < %t.preprocessed.txt
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/report-unused.yaml -Xclang -verify=expected,unused %s
// PREPROCESSED: #pragma memrules ignore(alloc-in-loop) measured: cheap
// SAME: warning: unknown rule 'alloc-in-lop'
// SAME: pragma.c:50:17: warning: the same 64 bytes
// SAME: pragma.c:59:17: warning: the same 64 bytes
// SAME: pragma.c:79:15: warning: the same 64 bytes

#include <stdlib.h>
void use(char *p);

void next_line(int n) {
  for (int i = 0; i < n; i++) {
#pragma memrules ignore(alloc-in-loop) measured: cheap
    char *buf = malloc(64);
    use(buf);
    free(buf);
  }
}

void two_rules_and_star(int n) {
  for (int i = 0; i < n; i++) {
#pragma memrules ignore(realloc-leak, alloc-in-loop)
    char *a = malloc(64);
#pragma memrules ignore(*) everything
    char *b = malloc(64);
    use(a); use(b);
    free(a); free(b);
  }
}

// Only the next line: two lines below is flagged.
void two_lines_below(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
#pragma memrules ignore(alloc-in-loop) // unused-warning {{this suppression of 'alloc-in-loop' suppresses nothing; remove it [memrules]}}
    use(0);
    char *buf = malloc(64); // expected-warning {{the same 64 bytes are allocated for 'buf'}}
    use(buf);
    free(buf); // expected-note {{'buf' is freed here}}
  }
}

void wrong_rule(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
#pragma memrules ignore(realloc-leak) another rule // unused-warning {{this suppression of 'realloc-leak' suppresses nothing; remove it [memrules]}}
    char *buf = malloc(64); // expected-warning {{the same 64 bytes are allocated for 'buf'}}
    use(buf);
    free(buf); // expected-note {{'buf' is freed here}}
  }
}

void region(int n) {
#pragma memrules ignore-begin(alloc-in-loop) a legacy block
  for (int i = 0; i < n; i++) {
    char *a = malloc(64);
    use(a);
    free(a);
  }
  for (int i = 0; i < n; i++) {
    char *b = malloc(64);
    use(b);
    free(b);
  }
#pragma memrules ignore-end
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    char *c = malloc(64); // expected-warning {{the same 64 bytes are allocated for 'c'}}
    use(c);
    free(c); // expected-note {{'c' is freed here}}
  }
}

#pragma memrules ignore(alloc-in-lop) // expected-warning {{unknown rule 'alloc-in-lop' in a memrules suppression; did you mean 'alloc-in-loop'? [memrules]}}
#pragma memrules ignore // expected-warning {{'#pragma memrules ignore' needs the rules it ignores: ignore(rule-id[, rule-id]) reason [memrules]}}
#pragma memrules ignore(alloc-in-loop // expected-warning {{'#pragma memrules ignore' needs the rules it ignores}}
#pragma memrules silence(alloc-in-loop) // expected-warning {{unknown '#pragma memrules silence'; known: ignore(rule-id[, rule-id]), ignore-begin(rule-id[, rule-id]), ignore-end [memrules]}}
#pragma memrules ignore-end // expected-warning {{'#pragma memrules ignore-end' has no matching '#pragma memrules ignore-begin' in this file [memrules]}}
#pragma memrules ignore-begin(alloc-in-loop) // expected-warning {{'#pragma memrules ignore-begin' has no matching '#pragma memrules ignore-end' [memrules]}}
