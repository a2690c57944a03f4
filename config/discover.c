/*
** Finding the policy that governs a source file: the nearest .memrules.yaml
** in its folder or any folder above, like .clang-format.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "policy_internal.h"

#define POLICY_NAME ".memrules.yaml"

static int is_regular_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
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
    if (n > 0 && (size_t)n < out_size && is_regular_file(out)) {
      found = 1;
      break;
    }
    if (slash == dir) break; /* that was the root */
  }
  free(dir);
  return found;
}
