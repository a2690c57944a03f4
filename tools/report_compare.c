/*
** Comparing a merged report with an earlier state, given as either
**   - a baseline file (`memrules baseline`): findings only; the figure is
**     the finding count, new findings are those not in the baseline, gone
**     entries are baseline entries no report found or baselined; or
**   - a previous `memrules report --format json`: every figure, and new and
**     gone findings against that report's findings and baselined ones.
** The kind is told by the file's first key, as the formats are versioned.
*/
#include <string.h>

#include "report.h"

/* Fingerprints of the current findings and baselined ones, as a set. */
static json_t *present_set(json_t *merged) {
  json_t *set = json_object();
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(merged, "findings"), i, v)
    json_object_set_new(set, mr_str(v, "fingerprint"), json_true());
  json_array_foreach(json_object_get(merged, "baselined"), i, v)
    json_object_set_new(set, json_string_value(v), json_true());
  return set;
}

/* The earlier state's entries: baseline entries, or a previous report's
** findings and baselined fingerprints in the baseline entry shape. */
static json_t *earlier_entries(json_t *earlier, int is_baseline) {
  if (is_baseline) return json_incref(json_object_get(earlier, "findings"));
  json_t *entries = json_deep_copy(json_object_get(earlier, "findings"));
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(earlier, "baselined"), i, v)
    json_array_append_new(entries, json_pack("{s:O}", "fingerprint", v));
  return entries;
}

static json_t *figure_changes(json_t *before, json_t *after) {
  json_t *changes = json_array();
  const char *label;
  json_t *v;
  json_object_foreach(after, label, v)
    json_array_append_new(changes, json_pack("{s:s,s:I,s:I}", "figure", label, "before",
                                             (json_int_t)mr_int(before, label),
                                             "after", json_integer_value(v)));
  json_object_foreach(before, label, v)
    if (!json_object_get(after, label))
      json_array_append_new(changes, json_pack("{s:s,s:I,s:I}", "figure", label,
                                               "before", json_integer_value(v),
                                               "after", (json_int_t)0));
  return changes;
}

static json_t *load_earlier(const char *file, int *is_baseline) {
  json_t *json = mr_read_json(file);
  if (!json)
    return NULL;
  *is_baseline = json_object_get(json, "memrules_baseline") != NULL;
  if (*is_baseline) {
    json_decref(json);
    return mr_baseline_load(file);
  }
  json_t *version = json_object_get(json, "memrules_merged");
  if (json_is_integer(version) && json_integer_value(version) == MR_MERGED_VERSION &&
      json_is_array(json_object_get(json, "findings")) &&
      json_is_array(json_object_get(json, "baselined")) &&
      json_is_object(json_object_get(json, "census")))
    return json;
  fprintf(stderr, "%s: error: %s\n", file,
          version ? "merged report format version not known to this memrules "
                    "(it reads version 1), or a damaged merged report"
                  : "neither a memrules baseline nor a `memrules report "
                    "--format json` output");
  json_decref(json);
  return NULL;
}

/* Against a baseline only the finding count compares: a baseline has no
** census. */
static void figures_of(json_t *merged, json_t *earlier, json_t *entries,
                       int is_baseline, json_t **before, json_t **after) {
  json_t *all = mr_figures(merged);
  if (!is_baseline) {
    *before = mr_figures(earlier);
    *after = all;
    return;
  }
  *before = json_pack("{s:I}", "findings", (json_int_t)json_array_size(entries));
  *after = json_pack("{s:O}", "findings", json_object_get(all, "findings"));
  json_decref(all);
}

/* new: current findings the earlier state did not have; gone: earlier
** entries that are neither found nor baselined now. */
static void new_and_gone(json_t *merged, json_t *entries, json_t *new_findings,
                         json_t *gone) {
  json_t *known = json_object(), *now = present_set(merged);
  size_t i;
  json_t *v;
  json_array_foreach(entries, i, v)
    json_object_set_new(known, mr_str(v, "fingerprint"), json_true());
  json_array_foreach(json_object_get(merged, "findings"), i, v)
    if (!json_object_get(known, mr_str(v, "fingerprint")))
      json_array_append(new_findings, v);
  json_array_foreach(entries, i, v)
    if (!json_object_get(now, mr_str(v, "fingerprint"))) json_array_append(gone, v);
  json_decref(known);
  json_decref(now);
}

json_t *mr_compare(json_t *merged, const char *file) {
  int is_baseline;
  json_t *earlier = load_earlier(file, &is_baseline);
  if (!earlier) return NULL;
  json_t *entries = earlier_entries(earlier, is_baseline);
  json_t *before, *after, *new_findings = json_array(), *gone = json_array();
  figures_of(merged, earlier, entries, is_baseline, &before, &after);
  new_and_gone(merged, entries, new_findings, gone);
  json_t *comparison = json_pack("{s:s,s:s,s:o,s:o,s:o}", "against", file, "kind",
                                 is_baseline ? "baseline" : "report", "figures",
                                 figure_changes(before, after), "new", new_findings,
                                 "gone", gone);
  json_decref(before);
  json_decref(after);
  json_decref(entries);
  json_decref(earlier);
  return comparison;
}

int mr_comparison_grew(json_t *comparison) {
  size_t i;
  json_t *change;
  json_array_foreach(json_object_get(comparison, "figures"), i, change)
    if (mr_int(change, "after") > mr_int(change, "before")) return 1;
  return 0;
}
