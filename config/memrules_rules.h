/*
** The rule table as C data (generated from rules.def by the preprocessor),
** plus name lookup with "did you mean" suggestions.
*/
#ifndef MEMRULES_RULES_H
#define MEMRULES_RULES_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The newest rule-set version this build knows. */
#define MR_RULESET_VERSION 1

typedef enum mr_severity {
  MR_SEV_OFF = 0,
  MR_SEV_NOTE,
  MR_SEV_WARNING,
  MR_SEV_ERROR
} mr_severity;

typedef enum mr_scope { MR_SCOPE_ALL = 0, MR_SCOPE_HOT } mr_scope;

typedef enum mr_option_type {
  MR_OPT_INT = 0,   /* a number in [min, max] */
  MR_OPT_NAME_MAP,  /* function name -> advice text (a YAML map) */
  MR_OPT_PATH_GLOBS, /* path globs, relative to the policy's folder */
  MR_OPT_NAMES      /* C/C++ names, `::`-qualified (a YAML list) */
} mr_option_type;

typedef enum mr_rule_id {
#define MR_RULE(sym, id, family, since, rec, sev, scope, summary) MR_RULE_##sym,
#include "rules.def"
  MR_RULE_COUNT
} mr_rule_id;

typedef enum mr_option_id {
#define MR_OPTION(sym, rule, name, type, def, strict, min, max, doc) MR_OPTION_##sym,
#include "rules.def"
  MR_OPTION_COUNT
} mr_option_id;

typedef struct mr_rule_info {
  const char *id;
  const char *family;
  int since;
  int recommended;
  mr_severity severity;
  mr_scope scope;
  const char *summary;
} mr_rule_info;

/* def, strict, min and max apply to MR_OPT_INT only; list-valued options
** default to empty. */
typedef struct mr_option_info {
  mr_rule_id rule;
  const char *name;
  mr_option_type type;
  long def;
  long strict;
  long min;
  long max;
  const char *doc;
} mr_option_info;

extern const mr_rule_info mr_rules[];
extern const mr_option_info mr_options[];

/* The rule with this id, or -1. */
int mr_rule_lookup(const char *id);

/* The option of this rule with this name, or -1. */
int mr_option_lookup(mr_rule_id rule, const char *name);

/* The candidate closest to name (edit distance), or NULL if none is close
** enough to be worth suggesting. */
const char *mr_closest(const char *name, const char *const *candidates,
                       size_t count);

/* The rule id closest to a misspelled one, or NULL. */
const char *mr_rule_suggest(const char *id);

const char *mr_severity_name(mr_severity severity);

#ifdef __cplusplus
}
#endif

#endif
