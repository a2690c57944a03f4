// What redundant-copy must not flag (C): one function per skip clause.
// RUN: %memrules --target=x86_64-linux-gnu -isystem %S/Inputs -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#define _GNU_SOURCE
#include <copy_sys.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int lookup(const char *key);
void mutate(char *s);
void keep(char *s);
struct entry { char *name; };
const char *global_name;

// The copy is written: through an index, by strtok, by a non-const callee.
int written(const char *s) {
  char *q = strdup(s);
  q[0] = 'x';
  int r = lookup(q);
  free(q);
  return r;
}
int tokenised(const char *s) {
  char *q = strdup(s);
  int n = 0;
  for (char *t = strtok(q, ","); t; t = strtok(NULL, ","))
    n++;
  free(q);
  return n;
}
int lent_non_const(const char *s) {
  char *q = strdup(s);
  mutate(q);
  free(q);
  return 0;
}
// A pointer into the copy comes back and is written through.
int cut_at_colon(const char *s) {
  char *q = strdup(s);
  char *colon = strchr(q, ':');
  if (colon)
    *colon = '\0';
  int r = lookup(q);
  free(q);
  return r;
}

// The copy escapes: returned, stored, kept by a callee; or never freed here.
char *returned(const char *s) {
  char *q = strdup(s);
  if (q && lookup(q) < 0)
    return NULL;
  return q;
}
void stored(struct entry *e, const char *s) {
  char *q = strdup(s);
  e->name = q;
}
void kept(const char *s) {
  char *q = strdup(s);
  keep(q);
  free(q);
}
int not_freed(const char *s) {
  char *q = strdup(s);
  return lookup(q);
}

// The source changes while the copy is live: written, reassigned, freed,
// lent to a callee that may write it, or aliased.
int source_written(char *s) {
  char *q = strdup(s);
  s[0] = '\0';
  int r = lookup(q);
  free(q);
  return r;
}
int source_reassigned(const char *s, const char *t) {
  char *q = strdup(s);
  s = t;
  int r = lookup(q) + lookup(s);
  free(q);
  return r;
}
int source_freed(size_t n) {
  char *s = malloc(n);
  if (!s)
    return -1;
  snprintf(s, n, "%zu", n);
  char *q = strdup(s);
  free(s);
  int r = lookup(q);
  free(q);
  return r;
}
int source_lent(char *s) {
  char *q = strdup(s);
  mutate(s);
  int r = lookup(q);
  free(q);
  return r;
}
int source_aliased(char *s) {
  char *alias = s;
  char *q = strdup(s);
  alias[0] = 0;
  int r = lookup(q);
  free(q);
  return r;
}
// Taken from a struct whose owner is changed while the copy is live.
int source_owner_changed(struct entry *e) {
  char *s = e->name;
  char *q = strdup(s);
  keep(e->name);
  int r = lookup(q);
  free(q);
  return r;
}
// Taken from a global, which any call may change.
int source_global(void) {
  const char *s = global_name;
  char *q = strdup(s);
  int r = lookup(q);
  free(q);
  return r;
}
// Another block is released while the copy is live: it may be the source's.
int other_release(struct entry *e) {
  const char *s = e->name;
  char *q = strdup(s);
  free(e);
  int r = lookup(q);
  free(q);
  return r;
}

// A callback runs while the copy is live: it may change anything (sqlite3's
// callCollNeeded copies the name before handing it to the user's code).
struct db { void (*needed)(void *arg, const char *name); void *arg; };
void call_needed(struct db *db, const char *name) {
  char *external = strdup(name);
  if (!external)
    return;
  db->needed(db->arg, external);
  free(external);
}

// Static buffers: a later call overwrites what the source points to.
int static_buffer(time_t a, time_t b) {
  const char *s = ctime(&a);
  char *q = strdup(s);
  const char *t = ctime(&b);
  int r = strcmp(q, t);
  free(q);
  return r;
}
int environment(void) {
  const char *home = getenv("HOME");
  if (!home)
    return -1;
  char *q = strdup(home);
  setenv("HOME", "/tmp", 1);
  int r = lookup(q);
  free(q);
  return r;
}

// strndup of a slice NUL-terminates it: never redundant.
int slice(const char *s, size_t n) {
  char *q = strndup(s, n);
  int r = lookup(q);
  free(q);
  return r;
}
int tail(const char *s) {
  char *q = strndup(s + 1, strlen(s + 1));
  int r = lookup(q);
  free(q);
  return r;
}

// malloc + memcpy of another size, or of a slice then terminated.
int other_size(const char *s, size_t n, size_t m) {
  char *q = malloc(n);
  if (!q)
    return -1;
  memcpy(q, s, m);
  int r = lookup(q);
  free(q);
  return r;
}
int terminated(const char *s, size_t n) {
  char *q = malloc(n + 1);
  if (!q)
    return -1;
  memcpy(q, s, n);
  q[n] = '\0';
  int r = lookup(q);
  free(q);
  return r;
}
// strcpy's result is a second name for the copy.
int second_name(const char *s) {
  char *q = malloc(strlen(s) + 1);
  if (!q)
    return -1;
  char *r = strcpy(q, s);
  int v = lookup(r);
  free(q);
  return v;
}

// The copy variable holds two copies, or the copy outlives the loop it is
// made in.
int two_copies(const char *s, const char *t) {
  char *q = strdup(s);
  int r = lookup(q);
  free(q);
  q = strdup(t);
  r += lookup(q);
  free(q);
  return r;
}
int after_loop(const char **names, int n) {
  char *last = NULL;
  for (int i = 0; i < n; i++) {
    const char *name = names[i];
    free(last);
    last = strdup(name);
  }
  int r = last ? lookup(last) : -1;
  free(last);
  return r;
}

// A field as the source: not judged (its owner may change it unseen).
int field(const struct entry *e) {
  char *q = strdup(e->name);
  int r = lookup(q);
  free(q);
  return r;
}

// In a system header.
size_t from_header(const char *s) { return sys_len(s); }

// A source taken from a function that may reuse its result's buffer (a
// static, as inet_ntoa's): calling it again while the copy lives may
// rewrite the source, so the copy is what keeps the first result.
const char *format_addr(unsigned addr);
int two_addresses(unsigned a, unsigned b) {
  const char *s = format_addr(a);
  char *first = strdup(s);
  const char *second = format_addr(b);
  int r = lookup(first) + lookup(second);
  free(first);
  return r;
}
