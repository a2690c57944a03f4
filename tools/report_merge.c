/*
** Merging the per-TU reports into one: a finding in a header is reported by
** every TU that includes it, with the same fingerprint, so findings are
** deduplicated by fingerprint (the first report in name order wins). Census
** counts and timings are summed; the per-rule finding counts are recounted
** from the deduplicated findings so they agree with the list.
*/
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* dst += src, key by key, for numbers and nested objects. */
static void add_into(json_t *dst, json_t *src) {
  const char *key;
  json_t *v;
  json_object_foreach(src, key, v) {
    json_t *have = json_object_get(dst, key);
    if (json_is_object(v)) {
      if (!json_is_object(have))
        json_object_set_new(dst, key, have = json_object());
      add_into(have, v);
    } else if (json_is_integer(v)) {
      json_object_set_new(dst, key, json_integer(json_integer_value(v) +
                                                 json_integer_value(have)));
    } else if (json_is_number(v)) {
      json_object_set_new(dst, key, json_real(json_number_value(v) +
                                              json_number_value(have)));
    }
  }
}

/* Reports agree on their root in the usual setup; when they do not, relative
** paths are made absolute so every path in the merge means one file. An
** empty set (an empty project compared with a baseline) has no root. */
static const char *common_root(const mr_report_set *set) {
  if (set->count == 0) return NULL;
  const char *root = mr_str(json_object_get(set->items[0].json, "tu"), "root");
  for (size_t i = 1; i < set->count; i++)
    if (strcmp(root, mr_str(json_object_get(set->items[i].json, "tu"), "root")))
      return NULL;
  return root;
}

static void absolutize(json_t *located, const char *root) {
  const char *file = mr_str(located, "file");
  if (file[0] == '/') return;
  size_t len = strlen(root) + strlen(file) + 2;
  char *abs = malloc(len);
  snprintf(abs, len, "%s/%s", root, file);
  json_object_set_new(located, "file", json_string(abs));
  free(abs);
}

static json_t *finding_copy(json_t *finding, const char *root) {
  json_t *copy = json_deep_copy(finding);
  if (!root) return copy;
  absolutize(copy, root);
  const char *lists[] = {"notes", "fixits"};
  for (int l = 0; l < 2; l++) {
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(copy, lists[l]), i, v) absolutize(v, root);
  }
  return copy;
}

static int finding_order(const void *pa, const void *pb) {
  json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
  int c = strcmp(mr_str(a, "file"), mr_str(b, "file"));
  if (!c) c = (mr_int(a, "line") > mr_int(b, "line")) - (mr_int(a, "line") < mr_int(b, "line"));
  if (!c) c = (mr_int(a, "column") > mr_int(b, "column")) - (mr_int(a, "column") < mr_int(b, "column"));
  if (!c) c = strcmp(mr_str(a, "rule"), mr_str(b, "rule"));
  if (!c) c = strcmp(mr_str(a, "fingerprint"), mr_str(b, "fingerprint"));
  return c;
}

static json_t *sorted(json_t *array, int (*order)(const void *, const void *)) {
  size_t n = json_array_size(array);
  json_t **items = malloc((n ? n : 1) * sizeof *items);
  for (size_t i = 0; i < n; i++) items[i] = json_array_get(array, i);
  qsort(items, n, sizeof *items, order);
  json_t *out = json_array();
  for (size_t i = 0; i < n; i++) json_array_append(out, items[i]);
  free(items);
  json_decref(array);
  return out;
}

static int string_order(const void *a, const void *b) {
  return strcmp(json_string_value(*(json_t *const *)a),
                json_string_value(*(json_t *const *)b));
}

static int key_order(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The same object with its keys in name order, for stable output. */
static json_t *keys_sorted(json_t *object) {
  size_t n = json_object_size(object), k = 0;
  const char **keys = malloc((n ? n : 1) * sizeof *keys);
  const char *key;
  json_t *v;
  json_object_foreach(object, key, v) keys[k++] = key;
  qsort(keys, n, sizeof *keys, key_order);
  json_t *out = json_object();
  for (k = 0; k < n; k++) json_object_set(out, keys[k], json_object_get(object, keys[k]));
  free(keys);
  json_decref(object);
  return out;
}

/* Per rule {hot, other} of the deduplicated findings. */
static json_t *count_findings(json_t *findings) {
  json_t *counts = json_object();
  size_t i;
  json_t *f;
  json_array_foreach(findings, i, f) {
    json_t *rule = json_object_get(counts, mr_str(f, "rule"));
    if (!rule)
      json_object_set_new(counts, mr_str(f, "rule"),
                          rule = json_pack("{s:I,s:I}", "hot", 0LL, "other", 0LL));
    const char *key = json_is_true(json_object_get(f, "hot")) ? "hot" : "other";
    json_object_set_new(rule, key, json_integer(mr_int(rule, key) + 1));
  }
  return keys_sorted(counts);
}

static void merge_findings(const mr_report_set *set, const char *root,
                           json_t *findings, json_t *baselined) {
  json_t *seen = json_object();
  for (size_t r = 0; r < set->count; r++) {
    const char *tu_root = root ? NULL : mr_str(json_object_get(set->items[r].json, "tu"), "root");
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(set->items[r].json, "findings"), i, f) {
      const char *fp = mr_str(f, "fingerprint");
      if (json_object_get(seen, fp)) continue;
      json_object_set_new(seen, fp, json_true());
      json_array_append_new(findings, finding_copy(f, tu_root));
    }
  }
  for (size_t r = 0; r < set->count; r++) {
    size_t i;
    json_t *fp;
    json_array_foreach(json_object_get(set->items[r].json, "baselined"), i, fp) {
      if (json_object_get(seen, json_string_value(fp))) continue;
      json_object_set_new(seen, json_string_value(fp), json_true());
      json_array_append(baselined, fp);
    }
  }
  json_decref(seen);
}

json_t *mr_reports_merge(const mr_report_set *set) {
  const char *root = common_root(set);
  json_t *findings = json_array(), *baselined = json_array();
  merge_findings(set, root, findings, baselined);
  findings = sorted(findings, finding_order);
  json_t *census = json_object(), *timing = json_object();
  for (size_t r = 0; r < set->count; r++) {
    json_t *report = set->items[r].json;
    if (json_object_get(report, "census")) add_into(census, json_object_get(report, "census"));
    if (json_object_get(report, "timing")) add_into(timing, json_object_get(report, "timing"));
  }
  json_object_set_new(census, "findings", count_findings(findings));
  return json_pack("{s:i,s:I,s:o,s:o,s:o,s:o,s:o}", "memrules_merged",
                   MR_MERGED_VERSION, "reports", (json_int_t)set->count,
                   "root", root ? json_string(root) : json_null(),
                   "findings", findings, "baselined", sorted(baselined, string_order),
                   "census", census, "timing", timing);
}
