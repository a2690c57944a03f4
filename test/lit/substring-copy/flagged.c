// substring-copy: a slice of a buffer that outlives the loop, copied on
// every iteration only to be kept in a record.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
#define _GNU_SOURCE 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct field { char *name; const char *value; };
struct table { struct field *fields; size_t count; };

// A parameter scanned with cursors; each key copied straight into a field.
void split_keys(const char *text, struct field *out, size_t max) { // expected-note {{the buffer, not changed or freed in or after the loop}}
  const char *p = text;
  for (size_t i = 0; i < max && *p; i++) { // expected-note {{the loop}}
    const char *start = p;
    const char *end = strchr(p, ',');
    if (!end)
      end = p + strlen(p);
    out[i].name = strndup(start, end - start); // expected-warning {{a slice of 'text' is copied by strndup on every iteration only to be kept in a record, though 'text' outlives the loop unchanged; store a pointer into 'text' and a length instead of allocating a copy, if 'text' also outlives the records [memrules-substring-copy]}} expected-note {{the copy is kept in a record here}}
    if (!out[i].name)
      return;
    p = *end ? end + 1 : end;
  }
}

// The copy in a local first, then stored into an array element.
size_t words(const char *line, char **words, size_t max) { // expected-note {{the buffer}}
  size_t n = 0;
  const char *p = line;
  while (*p && n < max) { // expected-note {{the loop}}
    while (*p == ' ')
      p++;
    size_t len = strcspn(p, " ");
    char *word = strndup(p, len); // expected-warning {{a slice of 'line' is copied by strndup on every iteration only to be kept in a record}}
    if (word == NULL)
      break;
    words[n++] = word; // expected-note {{the copy is kept in a record here}}
    p += len;
  }
  return n;
}

// malloc(n + 1) + memcpy + NUL into a local, then into a field.
void values(const char *text, const size_t *offsets, const size_t *lengths,
            struct field *out, size_t count) { // expected-note@-1 {{the buffer}}
  for (size_t i = 0; i < count; i++) { // expected-note {{the loop}}
    size_t len = lengths[i];
    char *copy = malloc(len + 1); // expected-warning {{a slice of 'text' is copied by malloc + memcpy on every iteration only to be kept in a record}}
    if (!copy)
      return;
    memcpy(copy, text + offsets[i], len); // expected-note {{the slice is copied here}}
    copy[len] = '\0';
    out[i].value = copy; // expected-note {{the copy is kept in a record here}}
  }
}

// Straight into the record: rec->name = malloc(n + 1), memcpy, NUL.
void names(const char *text, const size_t *offsets, const size_t *lengths,
           struct table *t) { // expected-note@-1 {{the buffer}}
  for (size_t i = 0; i < t->count; i++) { // expected-note {{the loop}}
    struct field *f = &t->fields[i];
    f->name = malloc(lengths[i] + 1); // expected-warning {{a slice of 'text' is copied by malloc + memcpy on every iteration}} expected-note {{the copy is kept in a record here}}
    if (f->name == NULL)
      return;
    memcpy(f->name, &text[offsets[i]], lengths[i]); // expected-note {{the slice is copied here}}
    f->name[lengths[i]] = 0;
  }
}

// A local buffer read before the loop, never freed here (it goes with the
// records).
char **lines(FILE *in, size_t size, size_t *count) {
  char *buf = malloc(size + 1); // expected-note {{the buffer}}
  char **out = calloc(size + 1, sizeof *out);
  if (!buf || !out)
    return NULL;
  size_t got = fread(buf, 1, size, in);
  buf[got] = '\0';
  size_t n = 0;
  for (char *p = buf; *p;) { // expected-note {{the loop}}
    char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    out[n++] = strndup(p, len); // expected-warning {{a slice of 'buf' is copied by strndup on every iteration only to be kept in a record}} expected-note {{the copy is kept in a record here}}
    p += len + (nl != NULL);
  }
  *count = n;
  return out;
}

// A constant table of the program: it lives as long as the program.
static const char keywords[] = "if else while for return";
void keyword_list(char **out) {
  const char *p = keywords; // expected-note@-2 {{the buffer}}
  for (int i = 0; i < 5; i++) { // expected-note {{the loop}}
    size_t len = strcspn(p, " ");
    out[i] = strndup(p, len); // expected-warning {{a slice of 'keywords' is copied by strndup}} expected-note {{the copy is kept in a record here}}
    p += len + 1;
  }
}
