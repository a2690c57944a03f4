// `malloc(strlen(s))` whose block then receives a copy of s with its NUL:
// one byte short.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <stdlib.h>
#include <string.h>

struct rec { char *name; };

char *dup_strcpy(const char *name) {
  char *q = malloc(strlen(name)); // expected-warning {{allocates strlen(name) bytes for 'q' but strcpy below writes strlen(name) + 1 (the NUL); allocate strlen(name) + 1 [memrules-sizeof-mismatch]}}
  if (!q)
    return NULL;
  strcpy(q, name); // expected-note {{the string and its NUL are copied here}}
  return q;
}

void field(struct rec *r, const char *s) {
  r->name = (char *)malloc(strlen(s)); // expected-warning {{allocates strlen(s) bytes for 'r->name' but strcpy below writes strlen(s) + 1 (the NUL)}}
  if (r->name)
    strcpy(r->name, s); // expected-note {{the string and its NUL are copied here}}
}

char *memcpy_with_nul(const struct rec *r) {
  char *q;
  q = malloc(strlen(r->name) * sizeof(char)); // expected-warning {{allocates strlen(r->name) bytes for 'q' but memcpy below writes strlen(r->name) + 1 (the NUL)}}
  memcpy(q, r->name, strlen(r->name) + 1); // expected-note {{the string and its NUL are copied here}}
  return q;
}

char *other_copies(const char *s, char *out) {
  char *a = calloc(strlen(s), 1); // expected-warning {{allocates strlen(s) bytes for 'a' but strcat below writes strlen(s) + 1 (the NUL)}}
  strcat(a, s); // expected-note {{the string and its NUL are copied here}}
  char *b = malloc(strlen(s)); // expected-warning {{but stpcpy below writes strlen(s) + 1}}
  stpcpy(b, s); // expected-note {{the string and its NUL are copied here}}
  char *c = realloc(out, strlen(s)); // expected-warning {{but strncpy below writes strlen(s) + 1}}
  strncpy(c, s, strlen(s) + 1); // expected-note {{the string and its NUL are copied here}}
  free(a);
  free(b);
  return c;
}
