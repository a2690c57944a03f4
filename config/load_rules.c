/*
** `rules:` (top level and inside `overrides:`): rule id -> off | severity |
** map of severity, scope and the rule's own options from the rule table.
*/
#include <stdio.h>
#include <string.h>

#include "load.h"

static const char *const scope_words[2] = {"all", "hot"};

/* The severity a map without `severity` turns the rule on at. */
static mr_severity enable_severity(const mr_loader *ld, int rule) {
  mr_severity s = ld->policy->default_severity;
  return s != MR_SEV_OFF ? s : mr_rules[rule].severity;
}

/* `rule: off` or `rule: warning`. */
static int load_word(mr_loader *ld, const yaml_node_t *node, int rule,
                     mr_patch *patch) {
  static const char *const words[4] = {"off", "note", "warning", "error"};
  if (node->type != YAML_SCALAR_NODE || mr_is_null(node))
    return mr_fail(ld, node,
                   "expected off, note, warning, error or a map for rule '%s', "
                   "got %s",
                   mr_rules[rule].id, mr_describe(node));
  const char *s = (const char *)node->data.scalar.value;
  for (int i = 0; i < 4; i++)
    if (strcmp(s, words[i]) == 0) {
      patch->severity_mode[rule] = MR_PATCH_SET;
      patch->severity[rule] = (mr_severity)i;
      return 1;
    }
  const char *close = mr_closest(s, words, 4);
  if (close)
    return mr_fail(ld, node, "unknown value '%s' for rule '%s'; did you mean '%s'?",
                   s, mr_rules[rule].id, close);
  return mr_fail(ld, node,
                 "unknown value '%s' for rule '%s' (expected off, note, "
                 "warning, error or a map)",
                 s, mr_rules[rule].id);
}

/* The keys a rule's map may have: severity, scope and its options. */
static size_t rule_keys(int rule, const char **keys) {
  size_t n = 0;
  keys[n++] = "severity";
  keys[n++] = "scope";
  for (int i = 0; i < MR_OPTION_COUNT; i++)
    if ((int)mr_options[i].rule == rule) keys[n++] = mr_options[i].name;
  return n;
}

static int unknown_option(mr_loader *ld, const yaml_node_t *key, int rule) {
  const char *keys[2 + MR_OPTION_COUNT];
  size_t n = rule_keys(rule, keys);
  const char *name = (const char *)key->data.scalar.value;
  const char *close = mr_closest(name, keys, n);
  if (close)
    return mr_fail(ld, key, "unknown option '%s' of rule '%s'; did you mean "
                            "'%s'?",
                   name, mr_rules[rule].id, close);
  char list[256];
  mr_join_names(list, sizeof list, keys, n);
  return mr_fail(ld, key, "unknown option '%s' of rule '%s' (it takes: %s)",
                 name, mr_rules[rule].id, list);
}

/* `functions: { malloc: "use xmalloc()" }`: names with an advice each. */
static int load_name_map(mr_loader *ld, const yaml_node_t *value,
                         const char *name, mr_option_list *list) {
  if (!mr_expect(ld, value, YAML_MAPPING_NODE, name) ||
      !mr_check_keys(ld, value, name, NULL, 0))
    return 0;
  for (yaml_node_pair_t *p = value->data.mapping.pairs.start;
       p < value->data.mapping.pairs.top; p++) {
    const yaml_node_t *key = mr_node(ld, p->key);
    const char *text;
    if (!mr_get_string(ld, mr_node(ld, p->value), name, &text)) return 0;
    if (!mr_strings_push(&list->names, (const char *)key->data.scalar.value) ||
        !mr_strings_push(&list->texts, text))
      return mr_fail(ld, key, "out of memory");
  }
  return 1;
}

/* `allow-in: ["src/alloc.c"]`: path globs, kept as written for messages. */
static int add_glob(mr_loader *ld, const yaml_node_t *node, const char *value,
                    void *arg) {
  mr_option_list *list = arg;
  if (!mr_add_path_glob(ld, node, value, &list->globs)) return 0;
  return mr_strings_push(&list->names, value) ||
         mr_fail(ld, node, "out of memory");
}

/* `vector-like-classes: [llvm::SmallVector]`: identifiers joined by `::`,
** an optional leading `::` (dropped: names are matched fully qualified). */
static int add_name(mr_loader *ld, const yaml_node_t *node, const char *value,
                    void *arg) {
  mr_option_list *list = arg;
  const char *p = value;
  if (p[0] == ':' && p[1] == ':') p += 2;
  const char *name = p;
  int ok = *p != '\0';
  while (ok && *p) {
    ok = !(*p >= '0' && *p <= '9');
    const char *start = p;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
           (*p >= '0' && *p <= '9') || *p == '_')
      p++;
    ok = ok && p != start;
    if (ok && *p) {
      ok = p[0] == ':' && p[1] == ':' && p[2] != '\0';
      p += 2;
    }
  }
  if (!ok) return mr_fail(ld, node, "'%s' is not a qualified name", value);
  return mr_strings_push(&list->names, name) ||
         mr_fail(ld, node, "out of memory");
}

static int load_option(mr_loader *ld, int rule, const yaml_node_t *key,
                       const yaml_node_t *value, mr_patch *patch) {
  int opt = mr_option_lookup((mr_rule_id)rule,
                             (const char *)key->data.scalar.value);
  if (opt < 0) return unknown_option(ld, key, rule);
  const mr_option_info *o = &mr_options[opt];
  patch->option_set[opt] = 1;
  if (o->type == MR_OPT_INT)
    return mr_get_int(ld, value, o->name, o->min, o->max, &patch->option[opt]);
  mr_option_list *list = mr_policy_new_list(ld->policy);
  if (!list) return mr_fail(ld, value, "out of memory");
  patch->list[opt] = list;
  if (o->type == MR_OPT_NAME_MAP) return load_name_map(ld, value, o->name, list);
  if (o->type == MR_OPT_NAMES)
    return mr_each_string(ld, value, o->name, add_name, list);
  return mr_each_string(ld, value, o->name, add_glob, list);
}

/* `rule: { severity: error, scope: hot, min-bytes: 8 }`. */
static int load_map(mr_loader *ld, const yaml_node_t *map, int rule,
                    mr_patch *patch) {
  char what[96];
  snprintf(what, sizeof what, "rule '%s'", mr_rules[rule].id);
  if (!mr_check_keys(ld, map, what, NULL, 0)) return 0;
  patch->severity_mode[rule] = MR_PATCH_ENABLE;
  patch->severity[rule] = enable_severity(ld, rule);
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
       p < map->data.mapping.pairs.top; p++) {
    const yaml_node_t *keynode = mr_node(ld, p->key);
    const char *key = (const char *)keynode->data.scalar.value;
    const yaml_node_t *value = mr_node(ld, p->value);
    int word;
    if (strcmp(key, "severity") == 0) {
      if (!mr_get_word(ld, value, "severity", mr_severity_words, 3, &word))
        return 0;
      patch->severity_mode[rule] = MR_PATCH_SET;
      patch->severity[rule] = (mr_severity)(word + 1);
    } else if (strcmp(key, "scope") == 0) {
      if (!mr_get_word(ld, value, "scope", scope_words, 2, &word)) return 0;
      patch->scope_set[rule] = 1;
      patch->scope[rule] = (mr_scope)word;
    } else if (!load_option(ld, rule, keynode, value, patch)) {
      return 0;
    }
  }
  return 1;
}

int mr_load_rules(mr_loader *ld, const yaml_node_t *map, mr_patch *patch) {
  if (!mr_expect(ld, map, YAML_MAPPING_NODE, "rules")) return 0;
  if (!mr_check_keys(ld, map, "rules", NULL, 0)) return 0;
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
       p < map->data.mapping.pairs.top; p++) {
    const yaml_node_t *key = mr_node(ld, p->key);
    const char *id = (const char *)key->data.scalar.value;
    int rule = mr_rule_lookup(id);
    if (rule < 0) {
      const char *close = mr_rule_suggest(id);
      if (close)
        return mr_fail(ld, key, "unknown rule '%s'; did you mean '%s'?", id,
                       close);
      return mr_fail(ld, key,
                     "unknown rule '%s' (`memrules list-rules` lists them)", id);
    }
    if (mr_rules[rule].since > ld->version)
      return mr_fail(ld, key, "rule '%s' needs version: %d", id,
                     mr_rules[rule].since);
    const yaml_node_t *value = mr_node(ld, p->value);
    int ok = value->type == YAML_MAPPING_NODE
                 ? load_map(ld, value, rule, patch)
                 : load_word(ld, value, rule, patch);
    if (!ok) return 0;
  }
  return 1;
}
