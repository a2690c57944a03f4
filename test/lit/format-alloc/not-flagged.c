// What format-alloc must not flag.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -isystem %S/Inputs -Xclang -verify %s
// expected-no-diagnostics
#define _GNU_SOURCE 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys.h>

struct record { char *label; };
void keep(char *s);
void log_msg(const char *s); // not a log function: the policy does not list it

// Printed twice: formatting twice would cost more than the buffer.
void twice(FILE *a, FILE *b, int n) {
  char *s;
  if (asprintf(&s, "%d", n) < 0) return;
  fputs(s, a);
  fputs(s, b);
  free(s);
}

// The text is the result.
char *returned(int n) {
  char *s;
  if (asprintf(&s, "%d", n) < 0) return NULL;
  puts(s);
  return s;
}

// Stored for later.
void stored(struct record *r, int n) {
  char *s;
  if (asprintf(&s, "%d", n) < 0) return;
  puts(s);
  r->label = s;
}

// Handed to a function that may keep it, or to one the policy does not list.
void handed(int n) {
  char *s;
  if (asprintf(&s, "%d", n) < 0) return;
  keep(s);
  free(s);
}
void unlisted_log(int n) {
  char *s;
  if (asprintf(&s, "%d", n) < 0) return;
  log_msg(s);
  free(s);
}

// Edited before printing: the buffer has another job.
void edited(const char *path) {
  char *s;
  if (asprintf(&s, "%s\n", path) < 0) return;
  s[strlen(s) - 1] = '\0';
  puts(s);
  free(s);
}

// Never freed here (a leak is another rule's business), or never printed.
void not_freed(int n) {
  char *s;
  if (asprintf(&s, "%d", n) < 0) return;
  puts(s);
}
void not_printed(int n) {
  char *s;
  if (asprintf(&s, "%d", n) < 0) return;
  free(s);
}

// Formatted once, printed on every iteration.
void loop_print(int n) {
  char *s;
  if (asprintf(&s, "%d", n) < 0) return;
  for (int i = 0; i < n; i++)
    puts(s);
  free(s);
}

// A buffer that already held something, or memory that is not malloc's.
void reused(int n) {
  char *s = malloc(8);
  if (asprintf(&s, "%d", n) < 0) return;
  puts(s);
  free(s);
}
char *pool_alloc(size_t n);
void from_pool(int n) {
  char *s = pool_alloc(32);
  snprintf(s, 32, "%d", n);
  puts(s);
  free(s);
}

// A stack buffer is what the rule would suggest anyway.
void on_stack(int n) {
  char s[32];
  snprintf(s, sizeof s, "%d", n);
  puts(s);
}

// Reassigned after the free: the variable has a second life.
void reassigned(int n) {
  char *s;
  if (asprintf(&s, "%d", n) < 0) return;
  puts(s);
  free(s);
  s = NULL;
}

// System headers are not the project's code.
void from_system(void) { sys_report(1); }
