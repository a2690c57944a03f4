/*
** memrules report DIR: merge the per-TU reports in DIR and print them as a
** summary (text, markdown), the merged data (json) or a SARIF log, optionally
** against a baseline or a previous merged report, failing on any increase.
*/
#include <errno.h>
#include <string.h>

#include "commands.h"
#include "report.h"

struct options {
  const char *dir, *format, *baseline, *output, *docs_uri;
  int fail_on_increase;
};

static int usage(void) {
  fprintf(stderr, "usage: memrules report DIR [--format text|markdown|json|sarif] "
                  "[--baseline FILE] [--fail-on-increase] [-o FILE] [--docs-uri URI]\n");
  return 2;
}

static int parse(int argc, char **argv, struct options *o) {
  *o = (struct options){NULL, "text", NULL, NULL, MEMRULES_DOCS_URI, 0};
  for (int i = 0; i < argc; i++) {
    const char **value = strcmp(argv[i], "--format") == 0     ? &o->format
                         : strcmp(argv[i], "--baseline") == 0 ? &o->baseline
                         : strcmp(argv[i], "-o") == 0         ? &o->output
                         : strcmp(argv[i], "--docs-uri") == 0 ? &o->docs_uri
                                                              : NULL;
    if (value && i + 1 < argc) *value = argv[++i];
    else if (strcmp(argv[i], "--fail-on-increase") == 0) o->fail_on_increase = 1;
    else if (argv[i][0] != '-' && !o->dir) o->dir = argv[i];
    else return -1;
  }
  const char *formats[] = {"text", "markdown", "json", "sarif"};
  int known = 0;
  for (int f = 0; f < 4; f++) known |= strcmp(o->format, formats[f]) == 0;
  if (!known) fprintf(stderr, "memrules: unknown format '%s'\n", o->format);
  if (o->fail_on_increase && !o->baseline)
    fprintf(stderr, "memrules: --fail-on-increase needs --baseline FILE\n");
  return o->dir && known && (o->baseline || !o->fail_on_increase) ? 0 : -1;
}

static int emit(json_t *merged, const struct options *o) {
  if (strcmp(o->format, "json") == 0) return mr_write_json(merged, o->output);
  if (strcmp(o->format, "sarif") == 0) {
    json_t *sarif = mr_sarif(merged, o->docs_uri);
    int rc = mr_write_json(sarif, o->output);
    json_decref(sarif);
    return rc;
  }
  FILE *out = o->output && strcmp(o->output, "-") ? fopen(o->output, "w") : stdout;
  if (!out) {
    fprintf(stderr, "%s: error: %s\n", o->output, strerror(errno));
    return -1;
  }
  mr_print_summary(out, merged, strcmp(o->format, "markdown") == 0);
  return out != stdout && fclose(out) != 0 ? -1 : 0;
}

/* Names every figure that grew, so a failing CI log says why. */
static int report_growth(json_t *comparison) {
  if (!mr_comparison_grew(comparison)) return 0;
  fprintf(stderr, "memrules: grew against %s:\n", mr_str(comparison, "against"));
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(comparison, "figures"), i, v) {
    if (mr_int(v, "after") <= mr_int(v, "before")) continue;
    char change[128];
    mr_format_change(mr_int(v, "before"), mr_int(v, "after"), change, sizeof change);
    fprintf(stderr, "  %s: %s\n", mr_str(v, "figure"), change);
  }
  return 1;
}

int mr_cmd_report(int argc, char **argv) {
  struct options o;
  if (parse(argc, argv, &o) != 0) return usage();
  mr_report_set set;
  if (mr_reports_load(o.dir, &set) != 0) return 1;
  json_t *merged = mr_reports_merge(&set);
  mr_reports_free(&set);
  int rc = 0;
  if (o.baseline) {
    json_t *comparison = mr_compare(merged, o.baseline);
    if (comparison) json_object_set_new(merged, "comparison", comparison);
    else rc = 1;
  }
  if (rc == 0 && emit(merged, &o) != 0) rc = 1;
  if (rc == 0 && o.fail_on_increase)
    rc = report_growth(json_object_get(merged, "comparison"));
  json_decref(merged);
  return rc;
}
