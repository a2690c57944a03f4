#include "run_tally.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

static const char tag[] = "[memrules-";

/* Finds NEEDLE in the LENGTH bytes at LINE (lines are not NUL-terminated). */
static const char *find_in(const char *line, size_t length, const char *needle) {
  size_t n = strlen(needle);
  for (size_t i = 0; i + n <= length; i++)
    if (memcmp(line + i, needle, n) == 0) return line + i;
  return NULL;
}

/* The rule a "[memrules-<id>]" tag names, or -1. */
static int tagged_rule(const char *at, const char *end) {
  char id[64];
  size_t n = 0;
  for (at += sizeof tag - 1; at < end && *at != ']' && *at != ','; at++)
    if (n + 1 < sizeof id) id[n++] = *at;
  id[n] = '\0';
  return mr_rule_lookup(id);
}

/* Reads one diagnostic line; returns 1 for an error that is not a finding. */
static int tally_line(struct mr_tally *t, const char *line, size_t length,
                      size_t *findings) {
  int error = find_in(line, length, ": error: ") != NULL ||
              find_in(line, length, ": fatal error: ") != NULL;
  int warning = find_in(line, length, ": warning: ") != NULL;
  if (!error && !warning) return 0;
  const char *at = find_in(line, length, tag);
  int rule = at ? tagged_rule(at, line + length) : -1;
  if (rule < 0) return error;
  t->by_rule[rule]++;
  if (error)
    t->errors++;
  else
    t->warnings++;
  ++*findings;
  return 0;
}

/* Copies LINE without its colour escapes (ESC [ ... m) to PLAIN, which has
** room for it; returns the new length. */
static size_t strip_colors(const char *line, size_t length, char *plain) {
  size_t n = 0;
  for (size_t i = 0; i < length; i++) {
    if (line[i] == '\033' && i + 1 < length && line[i + 1] == '[') {
      while (i < length && line[i] != 'm') i++;
      continue;
    }
    plain[n++] = line[i];
  }
  return n;
}

int mr_tally_tu(struct mr_tally *t, const char *output, size_t length,
                int wait_status) {
  size_t findings = 0, errors_before = t->errors;
  int other_errors = 0;
  char *plain = memchr(output, '\033', length) ? malloc(length + 1) : NULL;
  if (plain) {
    length = strip_colors(output, length, plain);
    output = plain;
  }
  for (const char *line = output, *end = output + length; line < end;) {
    const char *newline = memchr(line, '\n', (size_t)(end - line));
    size_t n = newline ? (size_t)(newline - line) : (size_t)(end - line);
    other_errors += tally_line(t, line, n, &findings);
    line += n + 1;
  }
  free(plain);
  t->checked++;
  if (findings) t->with_findings++;
  int failed = !WIFEXITED(wait_status) ||
               (WEXITSTATUS(wait_status) != 0 && (other_errors || t->errors == errors_before));
  if (failed) t->failed++;
  return failed;
}

static const char *plural(size_t n, const char *one, const char *many) {
  return n == 1 ? one : many;
}

void mr_tally_print(const struct mr_tally *t, FILE *out, int interrupted,
                    double seconds) {
  size_t findings = t->warnings + t->errors;
  fprintf(out, "memrules run: ");
  if (interrupted) fprintf(out, "interrupted: %zu of ", t->checked);
  fprintf(out, "%zu %s checked, %zu %s (%zu %s, %zu %s)", t->tus,
          plural(t->tus, "TU", "TUs"), findings,
          plural(findings, "finding", "findings"), t->warnings,
          plural(t->warnings, "warning", "warnings"), t->errors,
          plural(t->errors, "error", "errors"));
  if (findings) fprintf(out, " in %zu %s", t->with_findings,
                        plural(t->with_findings, "TU", "TUs"));
  fprintf(out, ", %zu failed to compile, %.1f s\n", t->failed, seconds);
  for (int r = 0; r < MR_RULE_COUNT; r++)
    if (t->by_rule[r])
      fprintf(out, "  %-22s %zu\n", mr_rules[r].id, t->by_rule[r]);
}

int mr_tally_status(const struct mr_tally *t) {
  return t->errors || t->failed ? 1 : 0;
}
