/*
** Typed values out of libyaml nodes. YAML would happily read `8`, "8" and
** `yes` as whatever the reader wants; a policy is stricter: an integer is a
** plain (unquoted) number, a boolean is plain true or false, and anything
** else is a string. Every failure names the node's line:col.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"

const char *const mr_severity_words[3] = {"note", "warning", "error"};

int mr_fail(mr_loader *ld, const yaml_node_t *node, const char *fmt, ...) {
  mr_error *err = ld->err;
  snprintf(err->file, sizeof err->file, "%s", ld->file);
  err->line = (int)node->start_mark.line + 1;
  err->column = (int)node->start_mark.column + 1;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return 0;
}

yaml_node_t *mr_node(mr_loader *ld, int id) {
  return yaml_document_get_node(&ld->doc, id);
}

static const char *scalar(const yaml_node_t *node) {
  return (const char *)node->data.scalar.value;
}

static int is_plain(const yaml_node_t *node) {
  return node->type == YAML_SCALAR_NODE &&
         node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

int mr_is_null(const yaml_node_t *node) {
  const char *s = scalar(node);
  return is_plain(node) &&
         (!*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
          !strcmp(s, "NULL"));
}

static int is_bool(const yaml_node_t *node) {
  return is_plain(node) &&
         (!strcmp(scalar(node), "true") || !strcmp(scalar(node), "false"));
}

static int is_integer(const yaml_node_t *node) {
  if (!is_plain(node)) return 0;
  const char *s = scalar(node);
  if (*s == '+' || *s == '-') s++;
  if (!*s) return 0;
  for (; *s; s++)
    if (*s < '0' || *s > '9') return 0;
  return 1;
}

const char *mr_describe(const yaml_node_t *node) {
  switch (node->type) {
  case YAML_MAPPING_NODE: return "a map";
  case YAML_SEQUENCE_NODE: return "a list";
  default: break;
  }
  if (mr_is_null(node)) return "nothing";
  if (is_integer(node)) return "an integer";
  if (is_bool(node)) return "a boolean";
  return "a string";
}

yaml_node_t *mr_lookup(mr_loader *ld, const yaml_node_t *map,
                       const char *key) {
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
       p < map->data.mapping.pairs.top; p++)
    if (strcmp(scalar(mr_node(ld, p->key)), key) == 0)
      return mr_node(ld, p->value);
  return NULL;
}

/* Keys sorted by name, then by position, to find duplicates in n log n. */
typedef struct keyref {
  const char *name;
  size_t index;
  const yaml_node_t *node;
} keyref;

static int keyref_cmp(const void *a, const void *b) {
  const keyref *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  if (c) return c;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Report the earliest key (in file order) that repeats an earlier one. */
static int check_duplicates(mr_loader *ld, keyref *keys, size_t n) {
  qsort(keys, n, sizeof *keys, keyref_cmp);
  const keyref *worst = NULL, *first = NULL;
  size_t run = 0; /* first key of the current run of equal names */
  for (size_t i = 1; i < n; i++) {
    if (strcmp(keys[i].name, keys[run].name) != 0) {
      run = i;
      continue;
    }
    if (!worst || keys[i].index < worst->index) {
      worst = &keys[i];
      first = &keys[run];
    }
  }
  if (!worst) return 1;
  return mr_fail(ld, worst->node, "duplicate key '%s' (first given at line %d)",
                 worst->name, (int)first->node->start_mark.line + 1);
}

void mr_join_names(char *out, size_t size, const char *const *names,
                       size_t count) {
  out[0] = '\0';
  for (size_t i = 0; i < count; i++) {
    size_t used = strlen(out);
    snprintf(out + used, size - used, "%s%s", i ? ", " : "", names[i]);
  }
}

static int check_known(mr_loader *ld, const yaml_node_t *key, const char *what,
                       const char *const *names, size_t count) {
  const char *name = scalar(key);
  for (size_t i = 0; i < count; i++)
    if (strcmp(names[i], name) == 0) return 1;
  const char *close = mr_closest(name, names, count);
  if (close)
    return mr_fail(ld, key, "unknown key '%s' in %s; did you mean '%s'?", name,
                   what, close);
  char list[256];
  mr_join_names(list, sizeof list, names, count);
  return mr_fail(ld, key, "unknown key '%s' in %s (expected one of: %s)", name,
                 what, list);
}

int mr_check_keys(mr_loader *ld, const yaml_node_t *map, const char *what,
                  const char *const *names, size_t count) {
  size_t n = (size_t)(map->data.mapping.pairs.top -
                      map->data.mapping.pairs.start);
  keyref *keys = malloc((n ? n : 1) * sizeof *keys);
  if (!keys) return mr_fail(ld, map, "out of memory");
  int ok = 1;
  for (size_t i = 0; ok && i < n; i++) {
    const yaml_node_t *key = mr_node(ld, map->data.mapping.pairs.start[i].key);
    if (key->type != YAML_SCALAR_NODE || mr_is_null(key))
      ok = mr_fail(ld, key, "keys in %s must be plain names, got %s", what,
                   mr_describe(key));
    keys[i] = (keyref){ok ? scalar(key) : NULL, i, key};
  }
  if (ok) ok = check_duplicates(ld, keys, n);
  free(keys);
  if (!ok || !names) return ok;
  for (size_t i = 0; i < n; i++) {
    const yaml_node_t *key = mr_node(ld, map->data.mapping.pairs.start[i].key);
    if (!check_known(ld, key, what, names, count)) return 0;
  }
  return 1;
}

int mr_expect(mr_loader *ld, const yaml_node_t *node, yaml_node_type_t type,
              const char *name) {
  if (node->type == type) return 1;
  const char *want = type == YAML_MAPPING_NODE ? "a map" : "a list";
  return mr_fail(ld, node, "expected %s for '%s', got %s", want, name,
                 mr_describe(node));
}

int mr_get_string(mr_loader *ld, const yaml_node_t *node, const char *name,
                  const char **out) {
  if (node->type != YAML_SCALAR_NODE || mr_is_null(node))
    return mr_fail(ld, node, "expected a string for '%s', got %s", name,
                   mr_describe(node));
  *out = scalar(node);
  return 1;
}

int mr_get_int(mr_loader *ld, const yaml_node_t *node, const char *name,
               long min, long max, long *out) {
  if (!is_integer(node))
    return mr_fail(ld, node, "expected an integer for '%s', got %s", name,
                   mr_describe(node));
  errno = 0;
  long v = strtol(scalar(node), NULL, 10);
  if (errno == ERANGE || v < min || v > max)
    return mr_fail(ld, node, "'%s' must be between %ld and %ld, got %s", name,
                   min, max, scalar(node));
  *out = v;
  return 1;
}

int mr_get_bool(mr_loader *ld, const yaml_node_t *node, const char *name,
                int *out) {
  if (!is_bool(node))
    return mr_fail(ld, node, "expected true or false for '%s', got %s", name,
                   mr_describe(node));
  *out = strcmp(scalar(node), "true") == 0;
  return 1;
}

int mr_get_word(mr_loader *ld, const yaml_node_t *node, const char *name,
                const char *const *words, size_t count, int *out) {
  const char *s;
  if (!mr_get_string(ld, node, name, &s)) return 0;
  for (size_t i = 0; i < count; i++)
    if (strcmp(words[i], s) == 0) {
      *out = (int)i;
      return 1;
    }
  const char *close = mr_closest(s, words, count);
  if (close)
    return mr_fail(ld, node, "unknown %s '%s'; did you mean '%s'?", name, s,
                   close);
  char list[256];
  mr_join_names(list, sizeof list, words, count);
  return mr_fail(ld, node, "unknown %s '%s' (expected one of: %s)", name, s,
                 list);
}

int mr_each_string(mr_loader *ld, const yaml_node_t *list, const char *name,
                   mr_item_fn add, void *arg) {
  if (!mr_expect(ld, list, YAML_SEQUENCE_NODE, name)) return 0;
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top; it++) {
    const yaml_node_t *item = mr_node(ld, *it);
    const char *value;
    if (!mr_get_string(ld, item, name, &value)) return 0;
    if (!add(ld, item, value, arg)) return 0;
  }
  return 1;
}
