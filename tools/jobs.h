/*
** Runs commands in parallel, at most N at a time, each with its output
** (stdout and stderr) captured in an unlinked temporary file so that the
** caller can print one command's output whole when it ends.
**
** SIGINT, SIGTERM and SIGHUP stop the run cleanly: no new command starts,
** the running ones (each in its own process group, so a command's own
** children go too) get SIGTERM, then SIGKILL if they are still there after
** a few seconds, and are waited for.
*/
#ifndef MEMRULES_TOOLS_JOBS_H
#define MEMRULES_TOOLS_JOBS_H

#include <stddef.h>

struct mr_jobs {
  size_t count;    /* commands 0 .. count-1 */
  unsigned max;    /* at most this many at once */
  void *context;
  /* Called in the child, in the command's own process group, with stdin on
  ** /dev/null and stdout/stderr on the capture file: execs command INDEX and
  ** returns only if that failed. */
  void (*exec)(void *context, size_t index);
  /* Called in the parent as each command starts. */
  void (*started)(void *context, size_t index);
  /* Called in the parent as each command ends, with its wait status and the
  ** capture file (positioned at the start; closed after the call). Not
  ** called for commands stopped by an interruption. */
  void (*finished)(void *context, size_t index, int status, int output_fd);
};

/* Runs them all. Returns 0, or the number of the signal that interrupted
** the run, or -1 if a command could not be started (errno says why; the
** ones already running are waited for). */
int mr_jobs_run(const struct mr_jobs *jobs);

#endif
