/*
** The memrules policy: loading, validating and querying a .memrules.yaml
** (schema in docs/policy.md). Plain C11 on libyaml; the plugin links it
** statically.
*/
#ifndef MEMRULES_POLICY_H
#define MEMRULES_POLICY_H

#include <stddef.h>

#include "memrules_rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where and why loading failed. line/column are 1-based, 0 when the error
** concerns the whole file (unreadable, a directory, ...). */
typedef struct mr_error {
  char file[1024];
  int line;
  int column;
  char message[768];
} mr_error;

/* The value of a list-valued option (MR_OPT_NAME_MAP, MR_OPT_PATH_GLOBS,
** MR_OPT_NAMES),
** owned by the policy. */
typedef struct mr_option_list mr_option_list;

size_t mr_option_list_count(const mr_option_list *list);
const char *mr_option_list_name(const mr_option_list *list, size_t index);
/* The text given for a name in a MR_OPT_NAME_MAP ("" if none). */
const char *mr_option_list_text(const mr_option_list *list, size_t index);
/* Does a MR_OPT_PATH_GLOBS list match path (absolute or relative to the
** current directory)? */
int mr_option_list_matches_path(const mr_option_list *list, const char *path);

/* Effective settings of every rule for one file. */
typedef struct mr_rule_settings {
  mr_severity severity; /* MR_SEV_OFF when the rule is disabled */
  mr_scope scope;
} mr_rule_settings;

typedef struct mr_settings {
  mr_rule_settings rule[MR_RULE_COUNT];
  long option[MR_OPTION_COUNT];              /* MR_OPT_INT options */
  const mr_option_list *list[MR_OPTION_COUNT]; /* list options; NULL: empty */
} mr_settings;

/* A set of allocation functions and the functions that release them. */
typedef struct mr_allocator_family {
  const char *name; /* the preset's name, or "policy" */
  const char *const *alloc;
  size_t alloc_count;
  const char *const *release;
  size_t release_count;
  int never_null; /* they abort instead of returning NULL */
} mr_allocator_family;

typedef struct mr_policy mr_policy;

/* Load and validate a policy file (following `extends:`). NULL on error,
** with *err filled in. */
mr_policy *mr_policy_load_file(const char *path, mr_error *err);

/* The policy used when no file is found: the recommended profile at the
** current rule-set version. Never NULL. */
mr_policy *mr_policy_load_default(void);

void mr_policy_free(mr_policy *policy);

/* Find the nearest .memrules.yaml in the folder of source_file or above.
** Returns 1 and writes its path to out, or 0 when there is none. */
int mr_policy_discover(const char *source_file, char *out, size_t out_size);

/* The file the policy came from, or NULL for the built-in default. */
const char *mr_policy_file(const mr_policy *policy);
int mr_policy_version(const mr_policy *policy);

/* The files the policy was read from: the file itself, then each file its
** `extends:` chain read, outermost first (paths as opened). A build must
** recompile when any of them changes; the plugin lists them in the compile's
** dependency file. None for the built-in default. */
size_t mr_policy_source_count(const mr_policy *policy);
const char *mr_policy_source(const mr_policy *policy, size_t index);

/* Settings for a source file, `overrides:` applied (later entries win).
** path may be absolute or relative to the current directory. */
void mr_policy_settings_for(const mr_policy *policy, const char *path,
                            mr_settings *out);

int mr_policy_is_excluded(const mr_policy *policy, const char *path);
int mr_policy_is_hot_file(const mr_policy *policy, const char *path);
int mr_policy_is_hot_function(const mr_policy *policy, const char *name);
int mr_policy_is_log_function(const mr_policy *policy, const char *name);

size_t mr_policy_allocator_family_count(const mr_policy *policy);
const mr_allocator_family *mr_policy_allocator_family(const mr_policy *policy,
                                                      size_t index);

/* The baseline file, resolved against the policy's folder, or NULL. */
const char *mr_policy_baseline(const mr_policy *policy);
int mr_policy_reports_unused_suppressions(const mr_policy *policy);

/* "file:line:col: message" (or "file: message" without a position). */
void mr_error_format(const mr_error *err, char *out, size_t out_size);

#ifdef __cplusplus
}
#endif

#endif
