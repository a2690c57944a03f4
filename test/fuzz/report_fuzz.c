/*
** libFuzzer target for what `memrules report` reads: every input is written
** as the one per-TU report of a private directory and, whatever it held, is
** also read as the --baseline file. A report that loads must merge and print
** in every format; nothing may crash, leak or hang, and a refused file must
** say why (the reader prints the reason to stderr, which libFuzzer's
** -close_fd_mask=2 silences).
*/
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static char dir[] = "/tmp/memrules-report-fuzz-XXXXXX";
static char report_path[80];

static void write_input(const uint8_t *data, size_t size) {
  if (!report_path[0]) {
    if (!mkdtemp(dir))
      abort();
    snprintf(report_path, sizeof report_path, "%s/tu-0a1b2c.memrules.json", dir);
  }
  FILE *f = fopen(report_path, "wb");
  if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
    abort();
}

/* Every output `memrules report` can produce from a merged report. */
static void print_everything(json_t *merged) {
  FILE *sink = fopen("/dev/null", "w");
  if (!sink)
    abort();
  mr_print_summary(sink, merged, 0);
  mr_print_summary(sink, merged, 1);
  fclose(sink);
  json_t *figures = mr_figures(merged);
  assert(figures);
  json_decref(figures);
  json_t *sarif = mr_sarif(merged, "file:///docs/rules/");
  assert(sarif);
  json_decref(sarif);
  json_t *baseline = mr_baseline_from(merged, NULL);
  assert(baseline);
  json_decref(baseline);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  write_input(data, size);
  mr_report_set set = {0};
  json_t *merged;
  if (mr_reports_load(dir, &set) == 0) {
    assert(set.count == 1);
    merged = mr_reports_merge(&set);
    assert(merged);
    print_everything(merged);
  } else {
    /* Compare the empty project against the input as a baseline instead. */
    mr_report_set none = {0};
    merged = mr_reports_merge(&none);
    assert(merged);
  }
  mr_reports_free(&set);
  json_t *comparison = mr_compare(merged, report_path);
  if (comparison) {
    (void)mr_comparison_grew(comparison);
    json_object_set_new(merged, "comparison", comparison);
    print_everything(merged);
  }
  json_decref(merged);
  return 0;
}
