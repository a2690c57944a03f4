/*
** The shape of a per-TU report (docs/report-format.md), checked field by
** field so a damaged or hand-edited report is refused with the field named
** instead of being half-read.
*/
#include <ctype.h>
#include <stdarg.h>
#include <string.h>

#include "report.h"

enum kind { STR, STR_OR_NULL, INT, BOOL, ARRAY, OBJECT };

struct field {
  const char *key;
  enum kind kind;
  int optional;
};

static int fail(char *msg, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, size, fmt, ap);
  va_end(ap);
  return -1;
}

static int has_kind(json_t *v, enum kind kind) {
  switch (kind) {
  case STR: return json_is_string(v);
  case STR_OR_NULL: return json_is_string(v) || json_is_null(v);
  case INT: return json_is_integer(v) && json_integer_value(v) >= 0;
  case BOOL: return json_is_boolean(v);
  case ARRAY: return json_is_array(v);
  case OBJECT: return json_is_object(v);
  }
  return 0;
}

static const char *const kind_names[] = {
    "a string", "a string or null", "a non-negative integer",
    "true or false", "an array", "an object"};

/* Every field of fields in object has its kind; where names where. */
static int check_fields(json_t *object, const struct field *fields, size_t n,
                        const char *where, char *msg, size_t size) {
  if (!json_is_object(object)) return fail(msg, size, "%s is not an object", where);
  for (size_t i = 0; i < n; i++) {
    json_t *v = json_object_get(object, fields[i].key);
    if (!v && fields[i].optional) continue;
    if (!v) return fail(msg, size, "%s has no \"%s\"", where, fields[i].key);
    if (!has_kind(v, fields[i].kind))
      return fail(msg, size, "%s: \"%s\" is not %s", where, fields[i].key,
                  kind_names[fields[i].kind]);
  }
  return 0;
}

int mr_is_fingerprint(json_t *v) {
  const char *s = json_string_value(v);
  if (!s || strlen(s) != 16) return 0;
  for (; *s; s++)
    if (!isxdigit((unsigned char)*s) || isupper((unsigned char)*s)) return 0;
  return 1;
}

static const struct field note_fields[] = {
    {"file", STR, 0}, {"line", INT, 0}, {"column", INT, 0}, {"message", STR, 0}};
static const struct field fixit_fields[] = {
    {"file", STR, 0},     {"line", INT, 0},       {"column", INT, 0},
    {"end_line", INT, 0}, {"end_column", INT, 0}, {"replacement", STR, 0}};
static const struct field finding_fields[] = {
    {"rule", STR, 0},     {"family", STR, 0},        {"severity", STR, 0},
    {"file", STR, 0},     {"line", INT, 0},          {"column", INT, 0},
    {"message", STR, 0},  {"function", STR_OR_NULL, 0}, {"hot", BOOL, 0},
    {"fingerprint", STR, 0}, {"notes", ARRAY, 1},    {"fixits", ARRAY, 1}};
#define COUNT(a) (sizeof a / sizeof a[0])

static int check_list(json_t *list, const struct field *fields, size_t n,
                      const char *what, const char *where, char *msg,
                      size_t size) {
  size_t i;
  json_t *item;
  json_array_foreach(list, i, item) {
    char at[128];
    snprintf(at, sizeof at, "%s, %s %zu", where, what, i + 1);
    if (check_fields(item, fields, n, at, msg, size)) return -1;
  }
  return 0;
}

static int check_finding(json_t *f, size_t index, char *msg, size_t size) {
  char at[64];
  snprintf(at, sizeof at, "finding %zu", index + 1);
  if (check_fields(f, finding_fields, COUNT(finding_fields), at, msg, size))
    return -1;
  const char *sev = json_string_value(json_object_get(f, "severity"));
  if (strcmp(sev, "note") && strcmp(sev, "warning") && strcmp(sev, "error"))
    return fail(msg, size, "%s: unknown severity \"%s\"", at, sev);
  if (!mr_is_fingerprint(json_object_get(f, "fingerprint")))
    return fail(msg, size, "%s: \"fingerprint\" is not 16 lowercase hex digits", at);
  json_t *notes = json_object_get(f, "notes"), *fixits = json_object_get(f, "fixits");
  if (notes && check_list(notes, note_fields, COUNT(note_fields), "note", at, msg, size))
    return -1;
  if (fixits && check_list(fixits, fixit_fields, COUNT(fixit_fields), "fix-it", at, msg, size))
    return -1;
  return 0;
}

/* A census entry is a {hot, other} pair or an object of such pairs. */
static int check_census(json_t *census, const char *where, int depth,
                        char *msg, size_t size) {
  const char *key;
  json_t *v;
  if (!json_is_object(census)) return fail(msg, size, "%s is not an object", where);
  json_object_foreach(census, key, v) {
    char at[160];
    snprintf(at, sizeof at, "%s.%s", where, key);
    if (json_object_get(v, "hot") || json_object_get(v, "other")) {
      static const struct field pair[] = {{"hot", INT, 0}, {"other", INT, 0}};
      if (check_fields(v, pair, 2, at, msg, size)) return -1;
    } else if (depth == 0) {
      if (check_census(v, at, 1, msg, size)) return -1;
    } else {
      return fail(msg, size, "%s has no \"hot\"/\"other\" counts", at);
    }
  }
  return 0;
}

int mr_report_validate(json_t *report, char *msg, size_t size) {
  static const struct field top[] = {
      {"tu", OBJECT, 0},     {"findings", ARRAY, 0}, {"baselined", ARRAY, 1},
      {"census", OBJECT, 1}, {"timing", OBJECT, 1},  {"tool", OBJECT, 1}};
  static const struct field tu[] = {{"file", STR, 0}, {"root", STR, 0}};
  if (check_fields(report, top, COUNT(top), "the report", msg, size) ||
      check_fields(json_object_get(report, "tu"), tu, COUNT(tu), "\"tu\"", msg, size))
    return -1;
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(report, "findings"), i, v)
    if (check_finding(v, i, msg, size)) return -1;
  json_array_foreach(json_object_get(report, "baselined"), i, v)
    if (!mr_is_fingerprint(v))
      return fail(msg, size, "baselined %zu is not a fingerprint", i + 1);
  json_t *census = json_object_get(report, "census");
  return census ? check_census(census, "census", 0, msg, size) : 0;
}
