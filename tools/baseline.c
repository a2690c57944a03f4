/*
** Baselines (docs/report-format.md): reading one, making one from a merged
** report, and `memrules baseline DIR -o FILE`. A baseline lists every finding
** present, including those the old baseline already hid (`baselined` in the
** reports), so regenerating it never drops a finding that is still there.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "report.h"

json_t *mr_baseline_load(const char *path) {
  json_t *json = mr_read_json(path);
  if (!json)
    return NULL;
  json_t *version = json_object_get(json, "memrules_baseline");
  json_t *findings = json_object_get(json, "findings");
  const char *problem = NULL;
  char unknown[160];
  snprintf(unknown, sizeof unknown, "baseline format version %lld is not known to this "
           "memrules (it reads version %d)", (long long)json_integer_value(version),
           MR_BASELINE_VERSION);
  if (!json_is_integer(version))
    problem = "not a memrules baseline (no \"memrules_baseline\" version number)";
  else if (json_integer_value(version) != MR_BASELINE_VERSION)
    problem = unknown;
  else if (!json_is_array(findings))
    problem = "\"findings\" is not an array";
  size_t i;
  json_t *entry;
  json_array_foreach(findings, i, entry)
    if (!problem && !mr_is_fingerprint(json_object_get(entry, "fingerprint")))
      problem = "an entry has no valid \"fingerprint\" (16 lowercase hex digits)";
  if (!problem) return json;
  fprintf(stderr, "%s: error: %s\n", path, problem);
  json_decref(json);
  return NULL;
}

/* The baseline entry of a finding: what a reader of the file needs. */
static json_t *entry_of(json_t *finding) {
  json_t *function = json_object_get(finding, "function");
  return json_pack("{s:s,s:s,s:s,s:O,s:s}", "fingerprint", mr_str(finding, "fingerprint"),
                   "rule", mr_str(finding, "rule"), "file", mr_str(finding, "file"),
                   "function", function ? function : json_null(),
                   "message", mr_str(finding, "message"));
}

static json_t *previous_entry(json_t *previous, const char *fingerprint) {
  size_t i;
  json_t *entry;
  json_array_foreach(json_object_get(previous, "findings"), i, entry)
    if (strcmp(mr_str(entry, "fingerprint"), fingerprint) == 0) return entry;
  return NULL;
}

/* By file, then rule, then fingerprint: stable, and a reviewer sees one
** file's entries together. */
static int entry_order(const void *pa, const void *pb) {
  json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
  int c = strcmp(mr_str(a, "file"), mr_str(b, "file"));
  if (!c) c = strcmp(mr_str(a, "rule"), mr_str(b, "rule"));
  if (!c) c = strcmp(mr_str(a, "fingerprint"), mr_str(b, "fingerprint"));
  return c;
}

json_t *mr_baseline_from(json_t *merged, json_t *previous) {
  json_t *findings = json_object_get(merged, "findings");
  json_t *baselined = json_object_get(merged, "baselined");
  size_t n = json_array_size(findings) + json_array_size(baselined), k = 0;
  json_t **entries = malloc((n ? n : 1) * sizeof *entries);
  size_t i;
  json_t *v;
  json_array_foreach(findings, i, v) entries[k++] = entry_of(v);
  json_array_foreach(baselined, i, v) {
    json_t *old = previous_entry(previous, json_string_value(v));
    entries[k++] = old ? json_deep_copy(old) : json_pack("{s:O}", "fingerprint", v);
  }
  qsort(entries, n, sizeof *entries, entry_order);
  json_t *list = json_array();
  for (k = 0; k < n; k++) json_array_append_new(list, entries[k]);
  free(entries);
  return json_pack("{s:i,s:o}", "memrules_baseline", MR_BASELINE_VERSION, "findings", list);
}

int mr_cmd_baseline(int argc, char **argv) {
  if (argc != 3 || strcmp(argv[1], "-o") != 0) {
    fprintf(stderr, "usage: memrules baseline DIR -o FILE\n");
    return 2;
  }
  const char *out = argv[2];
  /* Regenerating: details of still-baselined findings come from the old file. */
  json_t *previous = NULL;
  if (access(out, F_OK) == 0 && !(previous = mr_baseline_load(out))) {
    fprintf(stderr, "memrules: not overwriting %s\n", out);
    return 1;
  }
  mr_report_set set;
  int rc = 1;
  if (mr_reports_load(argv[0], &set) == 0) {
    json_t *merged = mr_reports_merge(&set);
    json_t *baseline = mr_baseline_from(merged, previous);
    rc = mr_write_json(baseline, out) == 0 ? 0 : 1;
    if (rc == 0)
      fprintf(stderr, "memrules: %zu findings in %s\n",
              json_array_size(json_object_get(baseline, "findings")), out);
    json_decref(baseline);
    json_decref(merged);
    mr_reports_free(&set);
  }
  json_decref(previous);
  return rc;
}
