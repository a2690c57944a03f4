/*
** The per-TU reports the plugin writes (docs/report-format.md) as the
** memrules tool reads, merges, compares and prints them. Everything is kept
** as jansson values: the merged data is itself the `--format json` output.
*/
#ifndef MEMRULES_TOOLS_REPORT_H
#define MEMRULES_TOOLS_REPORT_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

/* The format versions this build reads and writes. */
#define MR_REPORT_VERSION 1
#define MR_BASELINE_VERSION 1
#define MR_MERGED_VERSION 1

/* One per-TU report: where it came from and what it holds. */
typedef struct mr_report {
  char *path;
  json_t *json;
} mr_report;

typedef struct mr_report_set {
  mr_report *items;
  size_t count;
} mr_report_set;

/* report_load.c: every DIR/ *.memrules.json, sorted by name, each checked
** against the format. On any error prints "FILE: error: ..." to stderr and
** returns -1 (nothing is skipped). */
int mr_reports_load(const char *dir, mr_report_set *out);
void mr_reports_free(mr_report_set *set);

/* report_validate.c: 0 if report has the shape docs/report-format.md fixes,
** else -1 with the reason in msg. */
int mr_report_validate(json_t *report, char *msg, size_t size);

/* 1 if v is a fingerprint: a string of 16 lowercase hex digits. */
int mr_is_fingerprint(json_t *v);

/* report_merge.c: the merged data (see docs/report-format.md, "Merged
** report"): findings deduplicated by fingerprint and sorted, baselined
** fingerprints, census and timing summed. */
json_t *mr_reports_merge(const mr_report_set *set);

/* report_figures.c: the census and finding figures of a merged report as an
** ordered object label -> integer ("alloc sites in hot paths": 412). */
json_t *mr_figures(json_t *merged);

/* report_compare.c: compare a merged report against FILE, a baseline or a
** previous merged report. Returns the comparison object (figures before and
** after, new findings, gone entries) or NULL after printing an error. */
json_t *mr_compare(json_t *merged, const char *file);

/* 1 if any figure of the comparison grew. */
int mr_comparison_grew(json_t *comparison);

/* "412 → 160 (−61%)" into buf. */
void mr_format_change(long long before, long long after, char *buf,
                      size_t size);

/* baseline.c: load a baseline file (NULL after printing an error). */
json_t *mr_baseline_load(const char *path);

/* A JSON file (duplicate keys rejected), or NULL after printing
** "FILE:LINE:COL: error: not valid JSON: ..." to stderr. */
json_t *mr_read_json(const char *path);

/* The baseline of a merged report; details of baselined fingerprints come
** from previous (a baseline, may be NULL). */
json_t *mr_baseline_from(json_t *merged, json_t *previous);

/* report_text.c: the summary as plain text or markdown. */
void mr_print_summary(FILE *out, json_t *merged, int markdown);

/* report_sarif.c: the merged report as a SARIF 2.1.0 log. */
json_t *mr_sarif(json_t *merged, const char *docs_uri);

/* Small accessors shared by the files above. */
const char *mr_str(json_t *object, const char *key);     /* "" if absent */
long long mr_int(json_t *object, const char *key);       /* 0 if absent */
/* Write json to path (or stdout for NULL/"-"), sorted keys off, indented. */
int mr_write_json(json_t *json, const char *path);

#endif
