/*
** The summary of a merged report, as text or markdown: findings per rule,
** census totals, the files with most findings, and, with --baseline, each
** figure against the baseline and the new and gone findings.
*/
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_table.h"

#define TOP_FILES 10

static json_t *num(long long v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%lld", v);
  return json_string(buf);
}

static int by_total_then_name(const void *pa, const void *pb);

static void rules_table(FILE *out, json_t *merged, int md) {
  json_t *counts = json_object_get(json_object_get(merged, "census"), "findings");
  mr_table_heading(out, "Findings per rule", md);
  if (json_object_size(counts) == 0) {
    fprintf(out, "No findings.\n");
    return;
  }
  size_t n = json_object_size(counts), k = 0;
  json_t **pairs = malloc(n * sizeof *pairs);
  const char *rule;
  json_t *c;
  json_object_foreach(counts, rule, c)
    pairs[k++] = json_pack("[s,I,I]", rule, (json_int_t)mr_int(c, "hot"),
                           (json_int_t)mr_int(c, "other"));
  qsort(pairs, n, sizeof *pairs, by_total_then_name);
  json_t *rows = json_pack("[[s,s,s,s]]", "rule", "hot", "other", "total");
  long long hot = 0, other = 0;
  for (k = 0; k < n; k++) {
    long long h = json_integer_value(json_array_get(pairs[k], 1));
    long long o = json_integer_value(json_array_get(pairs[k], 2));
    hot += h;
    other += o;
    json_array_append_new(rows, json_pack("[O,o,o,o]", json_array_get(pairs[k], 0), num(h),
                                          num(o), num(h + o)));
    json_decref(pairs[k]);
  }
  free(pairs);
  json_array_append_new(rows, json_pack("[s,o,o,o]", "total", num(hot), num(other),
                                        num(hot + other)));
  mr_table_print(out, rows, md);
  json_decref(rows);
}

/* The census figures come in "X in hot paths" / "X elsewhere" pairs. */
static void census_table(FILE *out, json_t *merged, int md) {
  json_t *figures = mr_figures(merged);
  json_t *rows = json_pack("[[s,s,s]]", "census (sites)", "hot", "other");
  const char *label;
  json_t *v;
  json_object_foreach(figures, label, v) {
    const char *cut = strstr(label, " in hot paths");
    if (!cut) continue;
    char name[256], other[300];
    snprintf(name, sizeof name, "%.*s", (int)(cut - label), label);
    snprintf(other, sizeof other, "%s elsewhere", name);
    json_array_append_new(rows, json_pack("[s,o,o]", name, num(json_integer_value(v)),
                                          num(mr_int(figures, other))));
  }
  mr_table_heading(out, "Census", md);
  if (json_array_size(rows) > 1) mr_table_print(out, rows, md);
  else fprintf(out, "No census in the reports.\n");
  json_decref(rows);
  json_decref(figures);
}

/* Rows [name, count...]: the largest sum of counts first, then by name. */
static long long row_total(json_t *row) {
  long long total = 0;
  for (size_t c = 1; c < json_array_size(row); c++)
    total += json_integer_value(json_array_get(row, c));
  return total;
}

static int by_total_then_name(const void *pa, const void *pb) {
  json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
  long long ta = row_total(a), tb = row_total(b);
  if (ta != tb) return ta < tb ? 1 : -1;
  return strcmp(json_string_value(json_array_get(a, 0)),
                json_string_value(json_array_get(b, 0)));
}

static void files_table(FILE *out, json_t *merged, int md) {
  json_t *per_file = json_object();
  size_t i;
  json_t *f;
  json_array_foreach(json_object_get(merged, "findings"), i, f)
    json_object_set_new(per_file, mr_str(f, "file"),
                        json_integer(mr_int(per_file, mr_str(f, "file")) + 1));
  size_t n = json_object_size(per_file), k = 0;
  if (n == 0) goto done;
  json_t **pairs = malloc(n * sizeof *pairs);
  const char *file;
  json_object_foreach(per_file, file, f) pairs[k++] = json_pack("[s,O]", file, f);
  qsort(pairs, n, sizeof *pairs, by_total_then_name);
  json_t *rows = json_pack("[[s,s]]", "file", "findings");
  for (k = 0; k < n; k++) {
    if (k < TOP_FILES)
      json_array_append_new(rows, json_pack("[O,o]", json_array_get(pairs[k], 0),
                                            num(json_integer_value(json_array_get(pairs[k], 1)))));
    json_decref(pairs[k]);
  }
  free(pairs);
  mr_table_heading(out, "Top files by findings", md);
  mr_table_print(out, rows, md);
  json_decref(rows);
done:
  json_decref(per_file);
}

static void list_new(FILE *out, json_t *findings, const char *bullet) {
  size_t i;
  json_t *v;
  json_array_foreach(findings, i, v)
    fprintf(out, "%s%s:%lld:%lld: [%s] %s\n", bullet, mr_str(v, "file"), mr_int(v, "line"),
            mr_int(v, "column"), mr_str(v, "rule"), mr_str(v, "message"));
}

/* Entries regenerated from `baselined` may hold only a fingerprint. */
static void list_gone(FILE *out, json_t *entries, const char *bullet) {
  size_t i;
  json_t *v;
  json_array_foreach(entries, i, v) {
    fprintf(out, "%s%s", bullet, mr_str(v, "fingerprint"));
    if (*mr_str(v, "file")) fprintf(out, " %s", mr_str(v, "file"));
    if (*mr_str(v, "rule")) fprintf(out, " [%s]", mr_str(v, "rule"));
    if (*mr_str(v, "function")) fprintf(out, " in %s", mr_str(v, "function"));
    fputc('\n', out);
  }
}

static void comparison_section(FILE *out, json_t *cmp, int md) {
  char title[512], change[128];
  snprintf(title, sizeof title, "Against %s %s", strcmp(mr_str(cmp, "kind"), "baseline")
           ? "the previous report" : "the baseline", mr_str(cmp, "against"));
  mr_table_heading(out, title, md);
  json_t *rows = json_pack("[[s,s]]", "figure", "change");
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(cmp, "figures"), i, v) {
    mr_format_change(mr_int(v, "before"), mr_int(v, "after"), change, sizeof change);
    json_array_append_new(rows, json_pack("[s,s]", mr_str(v, "figure"), change));
  }
  mr_table_print(out, rows, md);
  json_decref(rows);
  const char *bullet = md ? "- " : "  ";
  snprintf(title, sizeof title, "New findings (%zu)", json_array_size(json_object_get(cmp, "new")));
  mr_table_heading(out, title, md);
  list_new(out, json_object_get(cmp, "new"), bullet);
  snprintf(title, sizeof title, "Gone since then (%zu)", json_array_size(json_object_get(cmp, "gone")));
  mr_table_heading(out, title, md);
  list_gone(out, json_object_get(cmp, "gone"), bullet);
}

void mr_print_summary(FILE *out, json_t *merged, int md) {
  long long units = mr_int(merged, "reports");
  size_t findings = json_array_size(json_object_get(merged, "findings"));
  fprintf(out, "%s%lld translation unit%s, %zu finding%s, %zu hidden by the baseline\n",
          md ? "## memrules report\n\n" : "memrules report: ", units, units == 1 ? "" : "s",
          findings, findings == 1 ? "" : "s",
          json_array_size(json_object_get(merged, "baselined")));
  rules_table(out, merged, md);
  census_table(out, merged, md);
  files_table(out, merged, md);
  json_t *cmp = json_object_get(merged, "comparison");
  if (cmp) comparison_section(out, cmp, md);
}
