/*
** Finding the policy that governs a source file: the nearest .memrules.yaml
** in its folder or any folder above, like .clang-format.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "policy_internal.h"

#define POLICY_NAME ".memrules.yaml"

/* Anything named .memrules.yaml counts, not only a readable regular file:
** a directory, FIFO, dangling or looping symlink, or an entry that cannot
** be looked at is the policy the user put there, and loading it reports
** the problem with the file's name. Skipping it would silently apply the
** policy of a folder further up (or the defaults) instead. */
static int exists(const char *path) {
  struct stat st;
  return lstat(path, &st) == 0 || (errno != ENOENT && errno != ENOTDIR);
}

int mr_policy_discover(const char *source_file, char *out, size_t out_size) {
  char *dir = mr_path_resolve(source_file);
  if (!dir) return 0;
  int found = 0;
  for (;;) {
    char *slash = strrchr(dir, '/'); /* drop the last segment */
    if (!slash) break;
    *slash = '\0';
    int n = snprintf(out, out_size, "%s/" POLICY_NAME, dir);
    if (n > 0 && (size_t)n < out_size && exists(out)) {
      found = 1;
      break;
    }
    if (slash == dir) break; /* that was the root */
  }
  free(dir);
  return found;
}
