/*
** The sections of a policy besides version/extends/severity/rules:
** exclude, hot, log-functions, allocators, overrides, baseline and
** report-unused-suppressions. Each appends to (or replaces in) the policy
** the `extends:` chain has built so far.
*/
#include <stdlib.h>
#include <string.h>

#include "load.h"

static int out_of_memory(mr_loader *ld, const yaml_node_t *node) {
  return mr_fail(ld, node, "out of memory");
}

int mr_add_path_glob(mr_loader *ld, const yaml_node_t *node,
                     const char *pattern, void *globs) {
  const char *problem = mr_glob_problem(pattern, 1);
  if (problem) return mr_fail(ld, node, "%s: '%s'", problem, pattern);
  return mr_globs_add(globs, ld->dir, pattern) || out_of_memory(ld, node);
}

static int add_function_glob(mr_loader *ld, const yaml_node_t *node,
                             const char *pattern, void *list) {
  const char *problem = mr_glob_problem(pattern, 0);
  if (problem) return mr_fail(ld, node, "%s: '%s'", problem, pattern);
  return mr_strings_push(list, pattern) || out_of_memory(ld, node);
}

/* A C or C++ function name: identifier characters and '::'. */
static int add_function_name(mr_loader *ld, const yaml_node_t *node,
                             const char *name, void *list) {
  int ok = !(name[0] >= '0' && name[0] <= '9');
  for (const char *p = name; *p && ok; p++)
    ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
         (*p >= '0' && *p <= '9') || *p == '_' || *p == ':' || *p == '~';
  if (!ok) return mr_fail(ld, node, "'%s' is not a function name", name);
  return mr_strings_push(list, name) || out_of_memory(ld, node);
}

static int load_hot(mr_loader *ld, const yaml_node_t *map) {
  static const char *const keys[] = {"functions", "files"};
  if (!mr_expect(ld, map, YAML_MAPPING_NODE, "hot") ||
      !mr_check_keys(ld, map, "'hot'", keys, 2))
    return 0;
  const yaml_node_t *functions = mr_lookup(ld, map, "functions");
  const yaml_node_t *files = mr_lookup(ld, map, "files");
  return (!functions || mr_each_string(ld, functions, "functions",
                                       add_function_glob,
                                       &ld->policy->hot_functions)) &&
         (!files || mr_each_string(ld, files, "files", mr_add_path_glob,
                                   &ld->policy->hot_files));
}

static int add_family(mr_loader *ld, const yaml_node_t *node,
                      const mr_allocator_family *family) {
  mr_policy *p = ld->policy;
  if (!mr_grow(&p->family, &p->family_capacity, p->family_count,
               sizeof *p->family))
    return out_of_memory(ld, node);
  p->family[p->family_count++] = family;
  return 1;
}

static int load_preset(mr_loader *ld, const yaml_node_t *map) {
  const yaml_node_t *value = mr_lookup(ld, map, "preset");
  if (map->data.mapping.pairs.top - map->data.mapping.pairs.start != 1)
    return mr_fail(ld, map, "'preset' stands alone in its list item; write "
                            "other families as separate items");
  const char *names[MR_PRESET_MAX];
  for (size_t i = 0; i < mr_preset_count; i++) names[i] = mr_presets[i].name;
  int which;
  if (!mr_get_word(ld, value, "allocator preset", names, mr_preset_count,
                   &which))
    return 0;
  const mr_preset *preset = &mr_presets[which];
  for (size_t i = 0; i < preset->family_count; i++)
    if (!add_family(ld, value, &preset->family[i])) return 0;
  return 1;
}

/* { alloc: [..], free: [..], never-null: bool }: the family's strings are
** owned by the policy, and the public view points into them. */
static int load_family(mr_loader *ld, const yaml_node_t *map) {
  const yaml_node_t *alloc = mr_lookup(ld, map, "alloc");
  const yaml_node_t *release = mr_lookup(ld, map, "free");
  const yaml_node_t *never_null = mr_lookup(ld, map, "never-null");
  if (!alloc)
    return mr_fail(ld, map, "an allocator family needs 'alloc: [...]'");
  if (!release)
    return mr_fail(ld, map, "an allocator family needs 'free: [...]' (use "
                            "'free: []' for memory released in bulk)");
  mr_policy *p = ld->policy;
  mr_owned_family *f = calloc(1, sizeof *f);
  if (!f || !mr_grow(&p->owned, &p->owned_capacity, p->owned_count,
                     sizeof *p->owned)) {
    free(f);
    return out_of_memory(ld, map);
  }
  p->owned[p->owned_count++] = f;
  if (!mr_each_string(ld, alloc, "alloc", add_function_name, &f->alloc) ||
      !mr_each_string(ld, release, "free", add_function_name, &f->release) ||
      (never_null && !mr_get_bool(ld, never_null, "never-null",
                                  &f->family.never_null)))
    return 0;
  if (f->alloc.count == 0)
    return mr_fail(ld, alloc, "'alloc' needs at least one function");
  f->family.name = "policy";
  f->family.alloc = (const char *const *)f->alloc.item;
  f->family.alloc_count = f->alloc.count;
  f->family.release = (const char *const *)f->release.item;
  f->family.release_count = f->release.count;
  return add_family(ld, map, &f->family);
}

static int load_allocators(mr_loader *ld, const yaml_node_t *list) {
  static const char *const keys[] = {"alloc", "free", "never-null", "preset"};
  if (!mr_expect(ld, list, YAML_SEQUENCE_NODE, "allocators")) return 0;
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top; it++) {
    const yaml_node_t *item = mr_node(ld, *it);
    if (!mr_expect(ld, item, YAML_MAPPING_NODE, "allocators") ||
        !mr_check_keys(ld, item, "an allocator family", keys, 4))
      return 0;
    int ok = mr_lookup(ld, item, "preset") ? load_preset(ld, item)
                                           : load_family(ld, item);
    if (!ok) return 0;
  }
  return 1;
}

static int load_override(mr_loader *ld, const yaml_node_t *map) {
  static const char *const keys[] = {"files", "rules"};
  if (!mr_expect(ld, map, YAML_MAPPING_NODE, "overrides") ||
      !mr_check_keys(ld, map, "an override", keys, 2))
    return 0;
  const yaml_node_t *files = mr_lookup(ld, map, "files");
  const yaml_node_t *rules = mr_lookup(ld, map, "rules");
  if (!files) return mr_fail(ld, map, "an override needs 'files: [...]'");
  if (!rules) return mr_fail(ld, map, "an override needs 'rules: {...}'");
  mr_policy *p = ld->policy;
  if (!mr_grow(&p->override, &p->override_capacity, p->override_count,
               sizeof *p->override))
    return out_of_memory(ld, map);
  mr_override *o = &p->override[p->override_count++];
  memset(o, 0, sizeof *o);
  if (!mr_each_string(ld, files, "files", mr_add_path_glob, &o->files) ||
      !mr_load_rules(ld, rules, &o->patch))
    return 0;
  if (o->files.count == 0)
    return mr_fail(ld, files, "'files' needs at least one glob");
  return 1;
}

static int load_overrides(mr_loader *ld, const yaml_node_t *list) {
  if (!mr_expect(ld, list, YAML_SEQUENCE_NODE, "overrides")) return 0;
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top; it++)
    if (!load_override(ld, mr_node(ld, *it))) return 0;
  return 1;
}

static int load_baseline(mr_loader *ld, const yaml_node_t *node) {
  const char *path;
  if (!mr_get_string(ld, node, "baseline", &path)) return 0;
  char *resolved = mr_path_join(ld->dir, path);
  if (!resolved) return out_of_memory(ld, node);
  free(ld->policy->baseline);
  ld->policy->baseline = resolved;
  return 1;
}

int mr_load_sections(mr_loader *ld, const yaml_node_t *root) {
  const yaml_node_t *v;
  if ((v = mr_lookup(ld, root, "exclude")) &&
      !mr_each_string(ld, v, "exclude", mr_add_path_glob, &ld->policy->exclude))
    return 0;
  if ((v = mr_lookup(ld, root, "allocators")) && !load_allocators(ld, v))
    return 0;
  if ((v = mr_lookup(ld, root, "hot")) && !load_hot(ld, v)) return 0;
  if ((v = mr_lookup(ld, root, "log-functions")) &&
      !mr_each_string(ld, v, "log-functions", add_function_name,
                      &ld->policy->log_functions))
    return 0;
  if ((v = mr_lookup(ld, root, "overrides")) && !load_overrides(ld, v))
    return 0;
  if ((v = mr_lookup(ld, root, "baseline")) && !load_baseline(ld, v)) return 0;
  if ((v = mr_lookup(ld, root, "report-unused-suppressions")) &&
      !mr_get_bool(ld, v, "report-unused-suppressions",
                   &ld->policy->report_unused_suppressions))
    return 0;
  return 1;
}
