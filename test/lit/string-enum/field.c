// Form 2: a char * field that only ever holds string literals in the TU
// (assignments and static-table initialisers) and is compared with them.
// RUN: %memrules -Xclang -verify %s

#include <string.h>
#include <stddef.h>

struct shape {
  const char *kind; // expected-warning {{field 'kind' only ever holds string literals in this file (4: "circle", "square", "line", "point"); a fixed vocabulary is cheaper and safer as an enum [memrules-string-enum]}}
  double size;
};

static struct shape defaults[] = {
    {"circle", 1.0}, // expected-note {{"circle" is stored here}}
    {.kind = "square", .size = 2.0}, // expected-note {{"square" is stored here}}
    {0},
};

void make_line(struct shape *s) {
  s->kind = "line"; // expected-note {{"line" is stored here}}
}

void make_point(struct shape *s, int flat) {
  s->kind = flat ? "point" : "line"; // expected-note {{and 1 more literal}}
  s->kind = NULL;
}

double area(const struct shape *s) {
  // The chain on a field form 2 reports is folded into that finding.
  if (strcmp(s->kind, "circle") == 0) // expected-note {{'kind' is compared with a string literal here}}
    return 3.14 * s->size * s->size;
  if (strcmp(s->kind, "square") == 0)
    return s->size * s->size;
  if (strcmp(s->kind, "point") == 0)
    return 0;
  return 0;
}
