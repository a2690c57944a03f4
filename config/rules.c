/*
** The rule table as data, and name lookup.
*/
#include <string.h>

#include "memrules_rules.h"

const mr_rule_info mr_rules[] = {
#define MR_RULE(sym, id, family, since, rec, sev, scope, summary) \
  {id, family, since, rec, sev, scope, summary},
#include "rules.def"
};

const mr_option_info mr_options[] = {
#define MR_OPTION(sym, rule, name, type, def, strict, min, max, doc) \
  {MR_RULE_##rule, name, type, def, strict, min, max, doc},
#include "rules.def"
};

int mr_rule_lookup(const char *id) {
  for (int i = 0; i < MR_RULE_COUNT; i++)
    if (strcmp(mr_rules[i].id, id) == 0) return i;
  return -1;
}

int mr_option_lookup(mr_rule_id rule, const char *name) {
  for (int i = 0; i < MR_OPTION_COUNT; i++)
    if (mr_options[i].rule == rule && strcmp(mr_options[i].name, name) == 0)
      return i;
  return -1;
}

static size_t min3(size_t a, size_t b, size_t c) {
  size_t m = a < b ? a : b;
  return m < c ? m : c;
}

/* Optimal string alignment distance (Damerau-Levenshtein where a transposed
** pair counts as one edit: "lopo" is one edit from "loop"). Names are short,
** so three rows of a fixed size are enough; longer names are never close. */
#define MR_NAME_MAX 64
static size_t edit_distance(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  if (n >= MR_NAME_MAX || m >= MR_NAME_MAX) return (size_t)-1;
  size_t prev2[MR_NAME_MAX], prev[MR_NAME_MAX], cur[MR_NAME_MAX];
  for (size_t j = 0; j <= m; j++) prev[j] = j;
  for (size_t i = 1; i <= n; i++) {
    cur[0] = i;
    for (size_t j = 1; j <= m; j++) {
      size_t cost = a[i - 1] != b[j - 1];
      cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          prev2[j - 2] + 1 < cur[j])
        cur[j] = prev2[j - 2] + 1;
    }
    memcpy(prev2, prev, sizeof prev);
    memcpy(prev, cur, sizeof cur);
  }
  return prev[m];
}

const char *mr_closest(const char *name, const char *const *candidates,
                       size_t count) {
  size_t len = strlen(name);
  size_t limit = len / 3 > 2 ? len / 3 : 2;
  const char *best = NULL;
  size_t best_distance = limit + 1;
  for (size_t i = 0; i < count; i++) {
    size_t d = edit_distance(name, candidates[i]);
    if (d < best_distance) {
      best = candidates[i];
      best_distance = d;
    }
  }
  return best;
}

const char *mr_rule_suggest(const char *id) {
  const char *ids[MR_RULE_COUNT];
  for (int i = 0; i < MR_RULE_COUNT; i++) ids[i] = mr_rules[i].id;
  return mr_closest(id, ids, MR_RULE_COUNT);
}

const char *mr_severity_name(mr_severity severity) {
  switch (severity) {
  case MR_SEV_OFF: return "off";
  case MR_SEV_NOTE: return "note";
  case MR_SEV_WARNING: return "warning";
  case MR_SEV_ERROR: return "error";
  }
  return "?";
}
