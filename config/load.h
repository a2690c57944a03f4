/*
** What the files of the policy loader share: the state of loading one file
** and helpers that read typed values out of libyaml nodes, each failing with
** an error at the node's line:col.
*/
#ifndef MEMRULES_LOAD_H
#define MEMRULES_LOAD_H

#include <yaml.h>

#include "policy_internal.h"

/* Loading one policy file (each file of an `extends:` chain has its own). */
typedef struct mr_loader {
  const char *file; /* path used in errors */
  char *dir;        /* absolute folder of the file: base of its globs */
  yaml_document_t doc;
  mr_error *err;
  mr_policy *policy; /* what the chain so far has built */
  int version;       /* this file's `version:` */
} mr_loader;

/* Fill in the error at a node (1-based line:col); return 0 so callers can
** `return mr_fail(...)`. */
int mr_fail(mr_loader *ld, const yaml_node_t *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

yaml_node_t *mr_node(mr_loader *ld, int id);

/* A plain empty scalar, ~ or null: what `key:` with no value gives. */
int mr_is_null(const yaml_node_t *node);

/* "a map", "a list", "an integer", "a boolean", "nothing" or "a string". */
const char *mr_describe(const yaml_node_t *node);

/* The value of a key in a mapping already checked by mr_check_keys, or
** NULL. */
yaml_node_t *mr_lookup(mr_loader *ld, const yaml_node_t *map, const char *key);

/* A mapping's keys must be plain scalars and unique; when names is not
** NULL they must also be among names (an unknown one is reported with the
** closest valid name). what names the mapping in messages. */
int mr_check_keys(mr_loader *ld, const yaml_node_t *map, const char *what,
                  const char *const *names, size_t count);

/* "a, b, c", for messages that list what was expected. */
void mr_join_names(char *out, size_t size, const char *const *names,
                   size_t count);

/* The node is a map or a list (type), else an error naming key name. */
int mr_expect(mr_loader *ld, const yaml_node_t *node, yaml_node_type_t type,
              const char *name);
int mr_get_string(mr_loader *ld, const yaml_node_t *node, const char *name,
                  const char **out);
int mr_get_int(mr_loader *ld, const yaml_node_t *node, const char *name,
               long min, long max, long *out);
int mr_get_bool(mr_loader *ld, const yaml_node_t *node, const char *name,
                int *out);
/* One of words (e.g. severities); *out is its index. */
int mr_get_word(mr_loader *ld, const yaml_node_t *node, const char *name,
                const char *const *words, size_t count, int *out);

/* A list of strings, each passed to add, which returns 0 after mr_fail. */
typedef int (*mr_item_fn)(mr_loader *ld, const yaml_node_t *node,
                          const char *value, void *arg);
int mr_each_string(mr_loader *ld, const yaml_node_t *list, const char *name,
                   mr_item_fn add, void *arg);

/* An mr_item_fn: a path glob (validated), compiled against this file's
** folder into the mr_globs arg. */
int mr_add_path_glob(mr_loader *ld, const yaml_node_t *node,
                     const char *pattern, void *globs);

/* Sections of the file (load_sections.c, load_rules.c). */
int mr_load_rules(mr_loader *ld, const yaml_node_t *map, mr_patch *patch);
int mr_load_sections(mr_loader *ld, const yaml_node_t *root);

/* Severity words, note..error, indexed by mr_severity - 1. */
extern const char *const mr_severity_words[3];

#endif
