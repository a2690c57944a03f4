// format-alloc: a string formatted on the heap only to be printed once and
// freed.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
#define _GNU_SOURCE 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

void report(FILE *out, const char *name, int count) {
  char *line = NULL;
  if (asprintf(&line, "%s: %d items", name, count) < 0) // expected-warning {{'line' is formatted into a heap buffer only to be passed to fprintf once and freed; format directly into the output instead of allocating [memrules-format-alloc]}}
    return;
  fprintf(out, "%s\n", line); // expected-note {{its only use: printed here}}
  free(line); // expected-note {{freed here}}
}

void each(const char **names, int n) {
  for (int i = 0; i < n; i++) {
    char *label;
    asprintf(&label, "[%d] %s", i, names[i]); // expected-warning {{'label' is formatted into a heap buffer only to be passed to puts once and freed}}
    if (!label)
      continue;
    puts(label); // expected-note {{its only use}}
    free(label); // expected-note {{freed here}}
  }
}

void with_snprintf(FILE *out, const char *user, long id) {
  size_t size = strlen(user) + 32;
  char *text = malloc(size); // expected-warning {{'text' is formatted into a heap buffer only to be passed to fputs once and freed}}
  if (text == NULL)
    return;
  snprintf(text, size, "user %s (%ld)", user, id); // expected-note {{formatted here}}
  fputs(text, out); // expected-note {{its only use}}
  free(text); // expected-note {{freed here}}
}

void to_syslog(int code) {
  char *message;
  if (asprintf(&message, "failed with %d", code) == -1) // expected-warning {{passed to syslog once and freed}}
    return;
  syslog(LOG_ERR, "%s", message); // expected-note {{its only use}}
  free(message); // expected-note {{freed here}}
}

// strlen of the text is a read, not another job.
void measured(int fd, int n) {
  char *s;
  if (asprintf(&s, "%d\n", n) < 0) // expected-warning {{passed to dprintf once}}
    return;
  if (strlen(s) > 1)
    dprintf(fd, "%s", s); // expected-note {{its only use}}
  free(s); // expected-note {{freed here}}
}
