/*
** memrules run's progress display. On a terminal: one bar line, redrawn in
** place, that the output of each finished TU is printed above. Otherwise:
** a plain "[n/N] file" line before each finished TU's output, so that logs
** read well.
*/
#ifndef MEMRULES_TOOLS_RUN_PROGRESS_H
#define MEMRULES_TOOLS_RUN_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

struct mr_progress {
  FILE *out;
  int bar; /* out is a terminal */
  size_t total, done;
  const char *current; /* the TU started last */
};

void mr_progress_init(struct mr_progress *p, FILE *out, size_t total);
void mr_progress_started(struct mr_progress *p, const char *file);
/* Prints FILE's finished output (LENGTH bytes) whole, then the bar. */
void mr_progress_finished(struct mr_progress *p, const char *file,
                          const char *output, size_t length);
/* Takes the bar away before the summary. */
void mr_progress_end(struct mr_progress *p);

#endif
