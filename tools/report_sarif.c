/*
** The merged report as a SARIF 2.1.0 log, for code-scanning UIs: rule
** metadata from the rule table, one result per finding with its notes as
** related locations, its fix-its as a fix and its fingerprint as a partial
** fingerprint. Paths under the reports' root are relative to the SRCROOT
** base id, so the log means the same on every checkout.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "memrules_rules.h"
#include "report.h"

#define SARIF_SCHEMA \
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* RFC 3986: unreserved characters and '/' stay, everything else is %XX. */
static json_t *uri_of_path(const char *prefix, const char *path) {
  size_t len = strlen(prefix) + 3 * strlen(path) + 2;
  char *uri = malloc(len), *p = uri + sprintf(uri, "%s", prefix);
  for (const unsigned char *s = (const unsigned char *)path; *s; s++)
    p += isalnum(*s) || strchr("-._~/", *s) ? sprintf(p, "%c", *s) : sprintf(p, "%%%02X", *s);
  json_t *out = json_string(uri);
  free(uri);
  return out;
}

static json_t *artifact(const char *file) {
  if (file[0] == '/') return json_pack("{s:o}", "uri", uri_of_path("file://", file));
  return json_pack("{s:o,s:s}", "uri", uri_of_path("", file), "uriBaseId", "SRCROOT");
}

/* SARIF lines and columns start at 1; a 0 means "unknown" and is left out. */
static json_t *region(json_t *at, const char *line, const char *column) {
  json_t *r = json_object();
  if (mr_int(at, line) > 0) json_object_set_new(r, "startLine", json_integer(mr_int(at, line)));
  if (mr_int(at, column) > 0)
    json_object_set_new(r, "startColumn", json_integer(mr_int(at, column)));
  return r;
}

static json_t *physical(json_t *at) {
  json_t *loc = json_pack("{s:o}", "artifactLocation", artifact(mr_str(at, "file")));
  json_t *r = region(at, "line", "column");
  if (json_object_size(r)) json_object_set_new(loc, "region", r);
  else json_decref(r);
  return loc;
}

static json_t *rule_metadata(const mr_rule_info *rule, const char *docs_uri) {
  char uri[1024], help[1400];
  snprintf(uri, sizeof uri, "%s%s.md", docs_uri, rule->id);
  snprintf(help, sizeof help, "%s. What it flags, why it matters, how to fix "
                              "and suppress it: %s", rule->summary, uri);
  return json_pack("{s:s,s:{s:s},s:{s:s},s:s,s:{s:s},s:{s:[s]}}", "id", rule->id,
                   "shortDescription", "text", rule->summary, "help", "text", help,
                   "helpUri", uri, "defaultConfiguration", "level",
                   mr_severity_name(rule->severity), "properties", "tags", rule->family);
}

/* All fix-its of a finding are one fix: they are applied together. */
static json_t *fix_of(json_t *fixits) {
  json_t *changes = json_array();
  size_t i;
  json_t *f;
  json_array_foreach(fixits, i, f) {
    json_t *deleted = json_pack("{s:I,s:I,s:I,s:I}", "startLine", (json_int_t)mr_int(f, "line"),
                                "startColumn", (json_int_t)mr_int(f, "column"), "endLine",
                                (json_int_t)mr_int(f, "end_line"), "endColumn",
                                (json_int_t)mr_int(f, "end_column"));
    json_array_append_new(changes, json_pack("{s:o,s:[{s:o,s:{s:s}}]}", "artifactLocation",
                                             artifact(mr_str(f, "file")), "replacements",
                                             "deletedRegion", deleted, "insertedContent",
                                             "text", mr_str(f, "replacement")));
  }
  return json_pack("{s:{s:s},s:o}", "description", "text", "memrules fix-it",
                   "artifactChanges", changes);
}

static json_t *result_of(json_t *finding) {
  const char *rule = mr_str(finding, "rule");
  json_t *result = json_pack("{s:s,s:s,s:{s:s},s:[{s:o}],s:{s:s}}", "ruleId", rule,
                             "level", mr_str(finding, "severity"), "message", "text",
                             mr_str(finding, "message"), "locations", "physicalLocation",
                             physical(finding), "partialFingerprints", "memrules/v1",
                             mr_str(finding, "fingerprint"));
  if (mr_rule_lookup(rule) >= 0)
    json_object_set_new(result, "ruleIndex", json_integer(mr_rule_lookup(rule)));
  json_t *function = json_object_get(finding, "function");
  if (json_is_string(function))
    json_object_set_new(json_array_get(json_object_get(result, "locations"), 0),
                        "logicalLocations",
                        json_pack("[{s:O,s:s}]", "fullyQualifiedName", function, "kind",
                                  strcmp(mr_str(finding, "family"), "layout") ? "function" : "type"));
  json_t *related = json_array(), *note;
  size_t i;
  json_array_foreach(json_object_get(finding, "notes"), i, note)
    json_array_append_new(related, json_pack("{s:I,s:o,s:{s:s}}", "id", (json_int_t)i + 1,
                                             "physicalLocation", physical(note), "message",
                                             "text", mr_str(note, "message")));
  if (json_array_size(related)) json_object_set_new(result, "relatedLocations", related);
  else json_decref(related);
  if (json_array_size(json_object_get(finding, "fixits")))
    json_object_set_new(result, "fixes", json_pack("[o]", fix_of(json_object_get(finding, "fixits"))));
  return result;
}

json_t *mr_sarif(json_t *merged, const char *docs_uri) {
  json_t *rules = json_array(), *results = json_array();
  for (int i = 0; i < MR_RULE_COUNT; i++)
    json_array_append_new(rules, rule_metadata(&mr_rules[i], docs_uri));
  size_t i;
  json_t *finding;
  json_array_foreach(json_object_get(merged, "findings"), i, finding)
    json_array_append_new(results, result_of(finding));
  json_t *run = json_pack("{s:{s:{s:s,s:s,s:s,s:o}},s:o}", "tool", "driver", "name", "memrules",
                          "version", MEMRULES_VERSION, "informationUri", docs_uri,
                          "rules", rules, "results", results);
  /* A base id's URI must end in '/' for relative URIs to resolve under it. */
  const char *root = json_string_value(json_object_get(merged, "root"));
  if (root) {
    size_t n = strlen(root);
    char *dir = malloc(n + 2);
    snprintf(dir, n + 2, "%s%s", root, n && root[n - 1] == '/' ? "" : "/");
    json_object_set_new(run, "originalUriBaseIds",
                        json_pack("{s:{s:o}}", "SRCROOT", "uri", uri_of_path("file://", dir)));
    free(dir);
  }
  return json_pack("{s:s,s:s,s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0", "runs", run);
}
