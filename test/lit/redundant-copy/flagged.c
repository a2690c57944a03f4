// redundant-copy in C: a heap copy only read and freed while its source
// stays as it was.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lookup(const char *key);

// strdup, only read (compared, printed, passed as const), then freed.
int has_prefix(const char *name, const char *prefix) { // expected-note {{'name' is declared here}}
  char *copy = strdup(name); // expected-warning {{'copy' is a heap copy of 'name' that is only read and then freed while 'name' stays unchanged; read 'name' directly instead of allocating and copying [memrules-redundant-copy]}}
  if (!copy)
    return -1;
  int found = strncmp(copy, prefix, strlen(prefix)) == 0;
  printf("%s\n", copy);
  free(copy); // expected-note {{'copy' is freed here}}
  return found;
}

// Assigned rather than initialised; read character by character.
int count_dots(const char *path) { // expected-note {{'path' is declared here}}
  char *p = NULL;
  int n = 0;
  p = strdup(path); // expected-warning {{'p' is a heap copy of 'path'}}
  for (size_t i = 0; p && p[i]; i++)
    n += p[i] == '.';
  free(p); // expected-note {{'p' is freed here}}
  return n;
}

// strndup of the whole string is strdup.
int whole(const char *s) { // expected-note {{'s' is declared here}}
  char *t = strndup(s, strlen(s)); // expected-warning {{'t' is a heap copy of 's'}}
  int r = lookup(t);
  free(t); // expected-note {{'t' is freed here}}
  return r;
}

// malloc + memcpy of the same size, and malloc + strcpy.
int sum_bytes(const unsigned char *data, size_t n) { // expected-note {{'data' is declared here}}
  unsigned char *buf = malloc(n); // expected-note {{'buf' is allocated here}}
  if (buf == NULL)
    return -1;
  memcpy(buf, data, n); // expected-warning {{'buf' is a heap copy of 'data'}}
  int sum = 0;
  for (size_t i = 0; i < n; i++)
    sum += buf[i];
  free(buf); // expected-note {{'buf' is freed here}}
  return sum;
}

int show(const char *msg) { // expected-note {{'msg' is declared here}}
  char *line = malloc(strlen(msg) + 1); // expected-note {{'line' is allocated here}}
  if (!line)
    return -1;
  strcpy(line, msg); // expected-warning {{'line' is a heap copy of 'msg'}}
  int r = puts(line);
  free(line); // expected-note {{'line' is freed here}}
  return r;
}

// In a loop: the copy lives within one iteration.
int count_known(const char **names, int n) {
  int known = 0;
  for (int i = 0; i < n; i++) {
    const char *name = names[i]; // expected-note {{'name' is declared here}}
    char *key = strdup(name); // expected-warning {{'key' is a heap copy of 'name'}}
    known += lookup(key) >= 0;
    free(key); // expected-note {{'key' is freed here}}
  }
  return known;
}

// The source's producer is not called again while the copy lives.
const char *format_name(int id);
int one_name(int id) {
  const char *s = format_name(id); // expected-note {{'s' is declared here}}
  char *q = strdup(s); // expected-warning {{'q' is a heap copy of 's'}}
  int r = lookup(q);
  free(q); // expected-note {{'q' is freed here}}
  return r;
}
