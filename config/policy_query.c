/*
** Questions the plugin asks a loaded policy, and its lifetime.
*/
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_internal.h"

mr_policy *mr_policy_new(void) {
  mr_policy *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->version = MR_RULESET_VERSION;
  mr_profile_settings(MR_PROFILE_RECOMMENDED, p->version, &p->settings);
  return p;
}

mr_policy *mr_policy_load_default(void) {
  mr_policy *p = mr_policy_new();
  if (!p) abort(); /* the contract says never NULL; nothing sane to do */
  return p;
}

void mr_policy_free(mr_policy *policy) {
  if (!policy) return;
  free(policy->file);
  mr_strings_free(&policy->sources);
  mr_globs_free(&policy->exclude);
  mr_globs_free(&policy->hot_files);
  mr_strings_free(&policy->hot_functions);
  mr_strings_free(&policy->log_functions);
  for (size_t i = 0; i < policy->override_count; i++)
    mr_globs_free(&policy->override[i].files);
  free(policy->override);
  for (size_t i = 0; i < policy->owned_count; i++) {
    mr_strings_free(&policy->owned[i]->alloc);
    mr_strings_free(&policy->owned[i]->release);
    free(policy->owned[i]);
  }
  free(policy->owned);
  free(policy->family);
  free(policy->baseline);
  for (size_t i = 0; i < policy->list_count; i++) {
    mr_strings_free(&policy->lists[i]->names);
    mr_strings_free(&policy->lists[i]->texts);
    mr_globs_free(&policy->lists[i]->globs);
    free(policy->lists[i]);
  }
  free(policy->lists);
  free(policy);
}

mr_option_list *mr_policy_new_list(mr_policy *policy) {
  if (!mr_grow(&policy->lists, &policy->list_capacity, policy->list_count,
               sizeof *policy->lists))
    return NULL;
  mr_option_list *list = calloc(1, sizeof *list);
  if (list) policy->lists[policy->list_count++] = list;
  return list;
}

size_t mr_option_list_count(const mr_option_list *list) {
  return list ? list->names.count : 0;
}

const char *mr_option_list_name(const mr_option_list *list, size_t index) {
  return list->names.item[index];
}

const char *mr_option_list_text(const mr_option_list *list, size_t index) {
  return index < list->texts.count ? list->texts.item[index] : "";
}

const char *mr_policy_file(const mr_policy *policy) { return policy->file; }

int mr_policy_version(const mr_policy *policy) { return policy->version; }

size_t mr_policy_source_count(const mr_policy *policy) {
  return policy->sources.count;
}

/* Stored innermost first (each file is added when its load completes), so
** the index is reversed to give the policy's own file first. */
const char *mr_policy_source(const mr_policy *policy, size_t index) {
  return policy->sources.item[policy->sources.count - 1 - index];
}

/* Match path against globs after resolving it the way globs' bases were. */
static int path_matches(const mr_globs *globs, const char *path) {
  if (globs->count == 0) return 0;
  char *abs = mr_path_resolve(path);
  int matched = abs && mr_globs_match(globs, abs);
  free(abs);
  return matched;
}

int mr_option_list_matches_path(const mr_option_list *list, const char *path) {
  return list && path_matches(&list->globs, path);
}

void mr_policy_settings_for(const mr_policy *policy, const char *path,
                            mr_settings *out) {
  *out = policy->settings;
  if (policy->override_count == 0) return;
  char *abs = mr_path_resolve(path);
  if (!abs) return;
  for (size_t i = 0; i < policy->override_count; i++)
    if (mr_globs_match(&policy->override[i].files, abs))
      mr_patch_apply(&policy->override[i].patch, out);
  free(abs);
}

int mr_policy_is_excluded(const mr_policy *policy, const char *path) {
  return path_matches(&policy->exclude, path);
}

int mr_policy_is_hot_file(const mr_policy *policy, const char *path) {
  return path_matches(&policy->hot_files, path);
}

int mr_policy_is_hot_function(const mr_policy *policy, const char *name) {
  for (size_t i = 0; i < policy->hot_functions.count; i++)
    if (fnmatch(policy->hot_functions.item[i], name, 0) == 0) return 1;
  return 0;
}

int mr_policy_is_log_function(const mr_policy *policy, const char *name) {
  for (size_t i = 0; i < policy->log_functions.count; i++)
    if (strcmp(policy->log_functions.item[i], name) == 0) return 1;
  return 0;
}

size_t mr_policy_allocator_family_count(const mr_policy *policy) {
  return policy->family_count;
}

const mr_allocator_family *mr_policy_allocator_family(const mr_policy *policy,
                                                      size_t index) {
  return index < policy->family_count ? policy->family[index] : NULL;
}

const char *mr_policy_baseline(const mr_policy *policy) {
  return policy->baseline;
}

int mr_policy_reports_unused_suppressions(const mr_policy *policy) {
  return policy->report_unused_suppressions;
}

void mr_error_format(const mr_error *err, char *out, size_t out_size) {
  if (err->line > 0)
    snprintf(out, out_size, "%s:%d:%d: %s", err->file, err->line, err->column,
             err->message);
  else
    snprintf(out, out_size, "%s: %s", err->file, err->message);
}
