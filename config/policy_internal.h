/*
** What the policy library's files share: the loaded policy, globs, rule
** patches and presets. Not installed; the plugin sees only memrules_policy.h.
*/
#ifndef MEMRULES_POLICY_INTERNAL_H
#define MEMRULES_POLICY_INTERNAL_H

#include <stddef.h>

#include "memrules_policy.h"

/* A growable array of owned strings. */
typedef struct mr_strings {
  char **item;
  size_t count, capacity;
} mr_strings;

int mr_strings_push(mr_strings *list, const char *s);
void mr_strings_free(mr_strings *list);

/* A path glob: a pattern split into '/'-separated segments, matched against
** paths below an absolute, normalised base folder (the folder of the policy
** file that wrote it). A pattern that starts with '/' has base "/". */
typedef struct mr_glob {
  char *base;
  char **segment;
  size_t segment_count;
} mr_glob;

typedef struct mr_globs {
  mr_glob *item;
  size_t count, capacity;
} mr_globs;

/* Why a pattern is not a valid glob, or NULL if it is. path_glob adds the
** path-only rule that '**' must be a whole segment. */
const char *mr_glob_problem(const char *pattern, int path_glob);
/* Compile a valid pattern; 0 on out-of-memory. */
int mr_globs_add(mr_globs *globs, const char *base, const char *pattern);
void mr_globs_free(mr_globs *globs);
/* Does any glob match the path or one of its parent folders? path must be
** absolute and normalised (mr_path_resolve). */
int mr_globs_match(const mr_globs *globs, const char *path);

/* An absolute, lexically normalised path: relative paths are taken against
** the current directory, and realpath() is used when the file exists so
** symlinked checkouts match. Returns a malloc'd string or NULL. */
char *mr_path_resolve(const char *path);
/* Lexical normalisation of an absolute path in place ('.', '..', '//'). */
void mr_path_normalise(char *path);
/* dir joined with path (path kept as is when absolute), normalised. */
char *mr_path_join(const char *dir, const char *path);

/* A list-valued option as loaded: names (and texts, for a map), or glob
** patterns in names with their compiled forms in globs. */
struct mr_option_list {
  mr_strings names, texts;
  mr_globs globs;
};

/* How one `rules:` map changes the settings. A rule given as a map without
** `severity` is turned on at enable_severity when it is off, and otherwise
** keeps its severity. */
enum { MR_PATCH_KEEP = 0, MR_PATCH_SET, MR_PATCH_ENABLE };

typedef struct mr_patch {
  unsigned char severity_mode[MR_RULE_COUNT];
  mr_severity severity[MR_RULE_COUNT];
  unsigned char scope_set[MR_RULE_COUNT];
  mr_scope scope[MR_RULE_COUNT];
  unsigned char option_set[MR_OPTION_COUNT];
  long option[MR_OPTION_COUNT];
  const mr_option_list *list[MR_OPTION_COUNT];
} mr_patch;

void mr_patch_apply(const mr_patch *patch, mr_settings *settings);

typedef struct mr_override {
  mr_globs files;
  mr_patch patch;
} mr_override;

/* The built-in profiles (extends: recommended | strict | none). */
typedef enum mr_profile {
  MR_PROFILE_RECOMMENDED = 0,
  MR_PROFILE_STRICT,
  MR_PROFILE_NONE
} mr_profile;

extern const char *const mr_profile_names[3];

/* The settings a profile gives at a rule-set version: only rules whose
** `since` is at most that version are enabled. */
void mr_profile_settings(mr_profile profile, int version, mr_settings *out);

/* Allocator families of a built-in preset, in table order. */
typedef struct mr_preset {
  const char *name;
  const mr_allocator_family *family;
  size_t family_count;
} mr_preset;

#define MR_PRESET_MAX 16 /* room for the names in "did you mean" lookups */
extern const mr_preset mr_presets[];
extern const size_t mr_preset_count;

/* An allocator family the policy owns (its strings are malloc'd); presets
** are referenced, not copied. */
typedef struct mr_owned_family {
  mr_allocator_family family;
  mr_strings alloc, release;
} mr_owned_family;

struct mr_policy {
  char *file;     /* as given to mr_policy_load_file; NULL for the default */
  mr_strings sources; /* every file read, innermost base first */
  int version;
  mr_settings settings; /* before overrides */
  /* The severity a map without `severity` turns a rule on at; MR_SEV_OFF
  ** means the rule table's own severity. Inherited through `extends:`. */
  mr_severity default_severity;
  mr_globs exclude, hot_files;
  mr_strings hot_functions, log_functions;
  mr_override *override;
  size_t override_count, override_capacity;
  /* Families in policy order; a family points either into a preset or into
  ** owned[] (which keeps its strings). */
  const mr_allocator_family **family;
  size_t family_count, family_capacity;
  mr_owned_family **owned;
  size_t owned_count, owned_capacity;
  char *baseline;
  int report_unused_suppressions;
  /* Values of list-valued options, referenced by settings and patches. */
  mr_option_list **lists;
  size_t list_count, list_capacity;
};

/* A new empty option list owned by the policy, or NULL on out-of-memory. */
mr_option_list *mr_policy_new_list(mr_policy *policy);

mr_policy *mr_policy_new(void);

/* Grow *array (of elem_size elements) to hold at least count + 1; doubling
** keeps long lists linear. 0 on out-of-memory. */
int mr_grow(void *array, size_t *capacity, size_t count, size_t elem_size);

#endif
