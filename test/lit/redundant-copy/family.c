// redundant-copy with a policy family: redis's zstrdup / zfree.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/redis.yaml -Xclang -verify %s

#include <stddef.h>
#include <string.h>

char *zstrdup(const char *s);
void zfree(void *p);
int lookup(const char *key);

int find(const char *key) { // expected-note {{'key' is declared here}}
  char *k = zstrdup(key); // expected-warning {{'k' is a heap copy of 'key'}}
  int r = lookup(k);
  zfree(k); // expected-note {{'k' is freed here}}
  return r;
}

// Freed by the wrong family's function: not this rule's finding.
void free(void *p);
int wrong_free(const char *key) {
  char *k = zstrdup(key);
  int r = lookup(k);
  free(k);
  return r;
}
