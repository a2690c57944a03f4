/*
** Small jansson helpers shared by the report commands.
*/
#include <errno.h>
#include <string.h>

#include "report.h"

const char *mr_str(json_t *object, const char *key) {
  const char *s = json_string_value(json_object_get(object, key));
  return s ? s : "";
}

long long mr_int(json_t *object, const char *key) {
  return (long long)json_integer_value(json_object_get(object, key));
}

/* Two-space indent and insertion order: the files are read by people and
** diffed in review, so the same data always gives the same bytes. */
int mr_write_json(json_t *json, const char *path) {
  int to_stdout = !path || strcmp(path, "-") == 0;
  FILE *out = to_stdout ? stdout : fopen(path, "w");
  if (!out) {
    fprintf(stderr, "%s: error: %s\n", path, strerror(errno));
    return -1;
  }
  int rc = json_dumpf(json, out, JSON_INDENT(2));
  fputc('\n', out);
  if (!to_stdout && fclose(out) != 0) rc = -1;
  if (rc != 0) fprintf(stderr, "%s: error: could not write\n", to_stdout ? "<stdout>" : path);
  return rc;
}
