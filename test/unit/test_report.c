/* The report library of the memrules tool: percent changes, merging,
** figures and baselines, on reports built in memory. */
#include "helpers.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"

static void changes_round_to_whole_percent(void **state) {
  (void)state;
  char buf[64];
  const struct { long long before, after; const char *text; } cases[] = {
      {412, 160, "412 → 160 (−61%)"}, {3, 5, "3 → 5 (+67%)"},
      {8, 9, "8 → 9 (+13%)"},          {8, 7, "8 → 7 (−13%)"},
      {2, 0, "2 → 0 (−100%)"},         {0, 3, "0 → 3 (new)"},
      {5, 5, "5 → 5 (no change)"},     {0, 0, "0 → 0 (no change)"},
      {1000, 1001, "1000 → 1001 (+0%)"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    mr_format_change(cases[i].before, cases[i].after, buf, sizeof buf);
    assert_string_equal(buf, cases[i].text);
  }
}

/* A report of one finding per fingerprint given, with a census. */
static json_t *report(const char *root, const char *fingerprints[], size_t n,
                      long long hot_allocs) {
  json_t *findings = json_array();
  for (size_t i = 0; i < n; i++)
    json_array_append_new(findings, json_pack(
        "{s:s,s:s,s:s,s:s,s:i,s:i,s:s,s:n,s:b,s:s}", "rule", "alloc-in-loop", "family",
        "alloc", "severity", "warning", "file", "src/a.h", "line", (int)(10 - i),
        "column", 1, "message", "m", "function", "hot", 1, "fingerprint", fingerprints[i]));
  return json_pack("{s:i,s:{s:s,s:s},s:o,s:[s],s:{s:{s:{s:I,s:I}},s:{s:{s:i,s:i}}}}",
                   "memrules_report", 1, "tu", "file", "/p/a.c", "root", root,
                   "findings", findings, "baselined", "0a1b2c3d4e5f6071",
                   "census", "alloc_sites", "libc", "hot", hot_allocs, "other", 1LL,
                   "findings", "alloc-in-loop", "hot", 99, "other", 99);
}

static json_t *merge_two(const char *root2) {
  const char *a[] = {"1111111111111111", "2222222222222222"};
  const char *b[] = {"2222222222222222", "3333333333333333"};
  mr_report items[2] = {{"a", report("/p", a, 2, 3)}, {"b", report(root2, b, 2, 4)}};
  mr_report_set set = {items, 2};
  char msg[200];
  for (int i = 0; i < 2; i++)
    assert_int_equal(mr_report_validate(items[i].json, msg, sizeof msg), 0);
  json_t *merged = mr_reports_merge(&set);
  json_decref(items[0].json);
  json_decref(items[1].json);
  return merged;
}

static void merge_deduplicates_and_sums(void **state) {
  (void)state;
  json_t *merged = merge_two("/p");
  json_t *findings = json_object_get(merged, "findings");
  assert_int_equal(json_array_size(findings), 3);
  /* Sorted by line: the fixture counts lines down. */
  assert_int_equal(mr_int(json_array_get(findings, 0), "line"), 9);
  assert_string_equal(mr_str(merged, "root"), "/p");
  assert_int_equal(json_array_size(json_object_get(merged, "baselined")), 1);
  json_t *census = json_object_get(merged, "census");
  assert_int_equal(mr_int(json_object_get(json_object_get(census, "alloc_sites"), "libc"), "hot"), 7);
  /* Recounted from the three distinct findings, not summed from 99 + 99. */
  assert_int_equal(mr_int(json_object_get(json_object_get(census, "findings"), "alloc-in-loop"), "hot"), 3);
  json_t *figures = mr_figures(merged);
  assert_int_equal(mr_int(figures, "findings"), 4);
  assert_int_equal(mr_int(figures, "alloc sites in hot paths"), 7);
  assert_int_equal(mr_int(figures, "alloc sites (libc) elsewhere"), 2);
  assert_null(json_object_get(figures, "findings in hot paths"));
  json_decref(figures);
  json_decref(merged);
}

static void different_roots_make_paths_absolute(void **state) {
  (void)state;
  json_t *merged = merge_two("/q");
  assert_true(json_is_null(json_object_get(merged, "root")));
  json_t *findings = json_object_get(merged, "findings");
  size_t i;
  json_t *f;
  json_array_foreach(findings, i, f) assert_true(mr_str(f, "file")[0] == '/');
  json_decref(merged);
}

/* Found by report_fuzz: merging no report read items[0]. An empty project
** compared with a baseline merges nothing. */
static void empty_set_merges_to_nothing(void **state) {
  (void)state;
  mr_report_set none = {NULL, 0};
  json_t *merged = mr_reports_merge(&none);
  assert_non_null(merged);
  assert_int_equal(json_array_size(json_object_get(merged, "findings")), 0);
  assert_true(json_is_null(json_object_get(merged, "root")));
  json_decref(merged);
}

static void validation_names_the_field(void **state) {
  (void)state;
  const char *a[] = {"1111111111111111"};
  json_t *r = report("/p", a, 1, 0);
  char msg[200];
  json_object_set_new(json_array_get(json_object_get(r, "findings"), 0), "fingerprint",
                      json_string("1111"));
  assert_int_equal(mr_report_validate(r, msg, sizeof msg), -1);
  assert_string_equal(msg, "finding 1: \"fingerprint\" is not 16 lowercase hex digits");
  json_object_del(r, "tu");
  assert_int_equal(mr_report_validate(r, msg, sizeof msg), -1);
  assert_string_equal(msg, "the report has no \"tu\"");
  json_decref(r);
}

static void baseline_keeps_hidden_findings(void **state) {
  (void)state;
  json_t *merged = merge_two("/p");
  json_t *previous = json_pack("{s:i,s:[{s:s,s:s,s:s}]}", "memrules_baseline", 1, "findings",
                               "fingerprint", "0a1b2c3d4e5f6071", "rule", "r", "file", "old.c");
  json_t *baseline = mr_baseline_from(merged, previous);
  json_t *entries = json_object_get(baseline, "findings");
  assert_int_equal(json_array_size(entries), 4);
  /* By file: the old entry keeps its details ("old.c" sorts before "src/a.h"). */
  assert_string_equal(mr_str(json_array_get(entries, 0), "fingerprint"), "0a1b2c3d4e5f6071");
  assert_string_equal(mr_str(json_array_get(entries, 0), "file"), "old.c");
  assert_string_equal(mr_str(json_array_get(entries, 1), "fingerprint"), "1111111111111111");
  json_decref(baseline);
  baseline = mr_baseline_from(merged, NULL);
  assert_string_equal(mr_str(json_array_get(json_object_get(baseline, "findings"), 0), "file"), "");
  json_decref(baseline);
  json_decref(previous);
  json_decref(merged);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(changes_round_to_whole_percent),
      cmocka_unit_test(merge_deduplicates_and_sums),
      cmocka_unit_test(different_roots_make_paths_absolute),
      cmocka_unit_test(empty_set_merges_to_nothing),
      cmocka_unit_test(validation_names_the_field),
      cmocka_unit_test(baseline_keeps_hidden_findings),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
