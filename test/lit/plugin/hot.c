// What counts as hot for `scope: hot`: __attribute__((hot)),
// annotate("memrules::hot"), the policy's hot.functions globs, hot.files
// globs, and (for every rule) a loop body.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/hot.yaml -Xclang -verify %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/hot-file.yaml -Xclang -verify=file %s

#include <stdlib.h>

__attribute__((hot)) void by_attribute(size_t n) {
  char *q = malloc(4);
  q = realloc(q, n); // expected-warning {{if realloc fails}} file-warning {{if realloc fails}}
  free(q);
}

__attribute__((annotate("memrules::hot"))) void by_annotation(size_t n) {
  char *q = malloc(4);
  q = realloc(q, n); // expected-warning {{if realloc fails}} file-warning {{if realloc fails}}
  free(q);
}

void parse_hot(size_t n) { // hot.yaml: functions: ["parse_*"]
  char *q = malloc(4);
  q = realloc(q, n); // expected-warning {{if realloc fails}} file-warning {{if realloc fails}}
  free(q);
}

void cold(size_t n) {
  char *q = malloc(4);
  q = realloc(q, n); // file-warning {{if realloc fails}}
  free(q);
}

void cold_but_in_a_loop(size_t n) {
  char *q = malloc(4);
  for (size_t i = 1; i < n; i++)
    q = realloc(q, i); // expected-warning {{if realloc fails}} file-warning {{if realloc fails}}
  free(q);
}
