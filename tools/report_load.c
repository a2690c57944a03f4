/*
** Reading a report folder: every *.memrules.json in it, in name order so the
** merge is the same on every machine. Nothing is skipped: a file that is not
** a valid report of a known version is an error naming the file, and every
** bad file is named before giving up.
*/
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const char suffix[] = ".memrules.json";

static int has_suffix(const char *name) {
  size_t n = strlen(name), s = sizeof suffix - 1;
  return n > s && strcmp(name + n - s, suffix) == 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The report file names in dir, sorted; NULL (after an error) on failure. */
static char **list_reports(const char *dir, size_t *count) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "%s: error: %s\n", dir, strerror(errno));
    return NULL;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  for (struct dirent *e; (e = readdir(d));) {
    if (!has_suffix(e->d_name)) continue;
    if (n == cap) names = realloc(names, (cap = cap ? 2 * cap : 16) * sizeof *names);
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  *count = n;
  if (!names) return calloc(1, sizeof *names);
  qsort(names, n, sizeof *names, by_name);
  return names;
}

/* A JSON file, or NULL after "FILE:LINE:COL: error: not valid JSON: ...". */
json_t *mr_read_json(const char *path) {
  json_error_t jerr;
  json_t *json = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
  if (!json) {
    fprintf(stderr, "%s:%d:%d: error: not valid JSON: %s\n", path, jerr.line,
            jerr.column, jerr.text);
    return NULL;
  }
  return json;
}

/* The version check comes before the shape check, so a newer format gets
** "upgrade memrules" rather than a confusing complaint about a field. */
static json_t *load_report(const char *path) {
  json_t *json = mr_read_json(path);
  if (!json)
    return NULL;
  json_t *version = json_object_get(json, "memrules_report");
  char msg[256];
  if (!json_is_integer(version)) {
    fprintf(stderr, "%s: error: not a memrules report (no \"memrules_report\" "
                    "version number)\n", path);
  } else if (json_integer_value(version) != MR_REPORT_VERSION) {
    fprintf(stderr, "%s: error: report format version %lld is not known to "
                    "this memrules (it reads version %d); use the memrules "
                    "that matches the plugin\n",
            path, (long long)json_integer_value(version), MR_REPORT_VERSION);
  } else if (mr_report_validate(json, msg, sizeof msg) != 0) {
    fprintf(stderr, "%s: error: %s\n", path, msg);
  } else {
    return json;
  }
  json_decref(json);
  return NULL;
}

int mr_reports_load(const char *dir, mr_report_set *out) {
  out->items = NULL;
  out->count = 0;
  size_t n;
  char **names = list_reports(dir, &n);
  if (!names) return -1;
  int rc = 0;
  if (n == 0) {
    fprintf(stderr, "%s: error: no *%s reports in this folder (compile with "
                    "-fplugin-arg-memrules-report-dir=%s first)\n",
            dir, suffix, dir);
    rc = -1;
  }
  out->items = calloc(n ? n : 1, sizeof *out->items);
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(dir) + strlen(names[i]) + 2;
    char *path = malloc(len);
    snprintf(path, len, "%s/%s", dir, names[i]);
    free(names[i]);
    json_t *json = load_report(path);
    if (!json) {
      free(path);
      rc = -1;
      continue;
    }
    out->items[out->count++] = (mr_report){path, json};
  }
  free(names);
  if (rc != 0) mr_reports_free(out);
  return rc;
}

void mr_reports_free(mr_report_set *set) {
  for (size_t i = 0; i < set->count; i++) {
    free(set->items[i].path);
    json_decref(set->items[i].json);
  }
  free(set->items);
  set->items = NULL;
  set->count = 0;
}
