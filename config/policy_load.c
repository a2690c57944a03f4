/*
** Loading a policy file: read it (bounded), let libyaml check the syntax
** while we reject what a plain policy has no use for (anchors, aliases,
** tags, several documents), then build the policy from the document:
** version, extends (a profile or another file, loaded first), severity,
** rules, and the other sections.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load.h"

#define MR_POLICY_MAX_BYTES (1024 * 1024)
/* A policy needs about five levels. libyaml's scanner does work
** proportional to the flow depth for every token, so deep nesting would
** make a small file take minutes: stop early instead. */
#define MR_POLICY_MAX_DEPTH 32
#define MR_STR_(x) #x
#define MR_STR(x) MR_STR_(x)

static const char *const top_keys[] = {
    "version",  "extends",    "severity", "exclude", "allocators",
    "hot",      "log-functions", "rules", "overrides", "baseline",
    "report-unused-suppressions"};
#define TOP_KEY_COUNT (sizeof top_keys / sizeof top_keys[0])

/* The files of an `extends:` chain being loaded, innermost first. */
typedef struct chain {
  const char *real; /* realpath, to recognise a file seen twice */
  const char *shown;
  const struct chain *outer;
} chain;

/* Where an `extends:` came from, to report an unreadable base there. */
typedef struct origin {
  mr_loader *ld;
  const yaml_node_t *node;
  const char *value; /* as written */
} origin;

static mr_policy *load_file(const char *path, const chain *outer,
                            const origin *from, mr_error *err);

static void file_error(mr_error *err, const char *file, const char *fmt,
                       const char *detail) {
  snprintf(err->file, sizeof err->file, "%s", file);
  err->line = err->column = 0;
  snprintf(err->message, sizeof err->message, fmt, detail);
}

/* Read the whole file, refusing directories and anything over the limit
** before parsing, so a stray huge or binary file costs little. Opened
** non-blocking, and pipes, sockets and block devices refused: a FIFO named
** as (or discovered as) the policy would otherwise hang the compile in
** open() or read() waiting for a writer. Character devices stay allowed
** (/dev/null is an empty policy; a terminal fails with EAGAIN instead of
** waiting). Returns a malloc'd buffer or NULL with the reason in *why. */
static char *read_policy(const char *path, size_t *len, const char **why) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *why = strerror(errno);
    return NULL;
  }
  struct stat st;
  char *buf = NULL;
  if (fstat(fd, &st) != 0) *why = strerror(errno);
  else if (S_ISDIR(st.st_mode)) *why = "is a directory, not a policy file";
  else if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode))
    *why = "is a pipe, socket or device, not a policy file";
  else if (!(buf = malloc(MR_POLICY_MAX_BYTES + 1))) *why = "out of memory";
  size_t n = 0;
  while (buf && n <= MR_POLICY_MAX_BYTES) {
    ssize_t got = read(fd, buf + n, MR_POLICY_MAX_BYTES + 1 - n);
    if (got == 0) break;
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      *why = strerror(errno);
      free(buf);
      buf = NULL;
    } else {
      n += (size_t)got;
    }
  }
  close(fd);
  if (buf && n > MR_POLICY_MAX_BYTES) {
    *why = "policy too large (over 1 MiB)";
    free(buf);
    buf = NULL;
  }
  if (buf) buf[n] = '\0'; /* messages may peek at the byte at a mark */
  *len = n;
  return buf;
}

/* What usually causes the two libyaml errors people meet most in policies. */
static const char *syntax_hint(const yaml_parser_t *parser, const char *buf) {
  if (buf[parser->problem_mark.index] == '\t')
    return " (YAML does not allow tabs for indentation)";
  if (parser->context && strstr(parser->context, "alias"))
    return " (quote globs that start with '*', like \"*.c\")";
  return "";
}

/* Length in bytes of the line break at p, as libyaml counts them (CR LF,
** CR, LF, and the Unicode NEL, LS and PS), or 0. */
static int line_break_at(const char *p) {
  const unsigned char *u = (const unsigned char *)p;
  if (u[0] == '\r') return u[1] == '\n' ? 2 : 1;
  if (u[0] == '\n') return 1;
  if (u[0] == 0xC2 && u[1] == 0x85) return 2;
  if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9)) return 3;
  return 0;
}

/* libyaml may place an error at end of input one line past the last
** (an unclosed `[` at the end of a file without a final newline): point at
** the last character instead, a position the user and clang can show. */
static void clamp_to_text(mr_error *err, const char *buf) {
  int line = 1, column = 1;
  for (const char *p = buf; *p;) {
    int n = line_break_at(p);
    if (n) {
      line++, column = 1, p += n;
      continue;
    }
    if (((unsigned char)*p & 0xC0) != 0x80) column++;
    p++;
  }
  if (err->line > line) {
    err->line = line;
    err->column = column > 1 ? column - 1 : 1;
  }
}

/* libyaml's own error, at its mark. Reader errors (bad UTF-8, control
** characters) carry a byte offset instead, turned into line:col here. */
static void syntax_error(mr_loader *ld, const yaml_parser_t *parser,
                         const char *buf) {
  mr_error *err = ld->err;
  snprintf(err->file, sizeof err->file, "%s", ld->file);
  if (parser->error == YAML_READER_ERROR) {
    err->line = err->column = 1;
    for (size_t i = 0; i < parser->problem_offset; i++) {
      if (buf[i] == '\n') err->line++, err->column = 1;
      else if (((unsigned char)buf[i] & 0xC0) != 0x80) err->column++;
    }
    snprintf(err->message, sizeof err->message,
             "not a text policy: %s (byte 0x%02x)",
             parser->problem ? parser->problem : "unreadable input",
             (unsigned)parser->problem_value & 0xFF);
    return;
  }
  yaml_mark_t mark = parser->problem_mark;
  err->line = (int)mark.line + 1;
  err->column = (int)mark.column + 1;
  clamp_to_text(err, buf);
  const char *hint = syntax_hint(parser, buf);
  snprintf(err->message, sizeof err->message, "%s%s%s%s",
           parser->context ? parser->context : "",
           parser->context ? ", " : "",
           parser->problem ? parser->problem : "invalid YAML", hint);
}

static int event_fail(mr_loader *ld, const yaml_event_t *ev, const char *msg,
                      const char *name) {
  yaml_node_t at;
  at.start_mark = ev->start_mark;
  return mr_fail(ld, &at, msg, name ? name : "");
}

/* The anchor and tag an event carries, if any. */
static void decorations(const yaml_event_t *ev, const char **anchor,
                        const char **tag) {
  *anchor = *tag = NULL;
  if (ev->type == YAML_SCALAR_EVENT) {
    *anchor = (const char *)ev->data.scalar.anchor;
    *tag = (const char *)ev->data.scalar.tag;
  } else if (ev->type == YAML_SEQUENCE_START_EVENT) {
    *anchor = (const char *)ev->data.sequence_start.anchor;
    *tag = (const char *)ev->data.sequence_start.tag;
  } else if (ev->type == YAML_MAPPING_START_EVENT) {
    *anchor = (const char *)ev->data.mapping_start.anchor;
    *tag = (const char *)ev->data.mapping_start.tag;
  }
}

/* One pass over the events: syntax errors, and what the document API would
** hide from us (an alias is just a shared node there). */
static int check_events(mr_loader *ld, const char *buf, size_t len) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
  int ok = 1, documents = 0, depth = 0, done = 0;
  while (ok && !done) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      syntax_error(ld, &parser, buf);
      ok = 0;
      break;
    }
    const char *anchor, *tag;
    decorations(&ev, &anchor, &tag);
    if (ev.type == YAML_SEQUENCE_START_EVENT ||
        ev.type == YAML_MAPPING_START_EVENT)
      depth++;
    else if (ev.type == YAML_SEQUENCE_END_EVENT ||
             ev.type == YAML_MAPPING_END_EVENT)
      depth--;
    if (depth > MR_POLICY_MAX_DEPTH)
      ok = event_fail(ld, &ev, "nested more than %s levels deep; a policy "
                               "needs only a few",
                      MR_STR(MR_POLICY_MAX_DEPTH));
    else if (ev.type == YAML_DOCUMENT_START_EVENT && ++documents > 1)
      ok = event_fail(ld, &ev, "a policy is one YAML document; remove this "
                               "second one%s", NULL);
    else if (ev.type == YAML_ALIAS_EVENT)
      ok = event_fail(ld, &ev, "aliases (*%s) are not allowed in a policy; "
                               "write the value out (quote globs that start "
                               "with '*')",
                      (const char *)ev.data.alias.anchor);
    else if (anchor)
      ok = event_fail(ld, &ev, "anchors (&%s) are not allowed in a policy; "
                               "write values out in full",
                      anchor);
    else if (tag)
      ok = event_fail(ld, &ev, "tags (%s) are not allowed in a policy; "
                               "write plain values",
                      tag);
    done = ev.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&ev);
  }
  yaml_parser_delete(&parser);
  return ok;
}

static int load_document(mr_loader *ld, const char *buf, size_t len) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
  int ok = yaml_parser_load(&parser, &ld->doc);
  if (!ok) syntax_error(ld, &parser, buf);
  yaml_parser_delete(&parser);
  return ok;
}

static int load_version(mr_loader *ld, const yaml_node_t *root) {
  const yaml_node_t *v = mr_lookup(ld, root, "version");
  if (!v)
    return mr_fail(ld, root, "missing 'version: %d' (a policy with any "
                             "content must say which rule set it was "
                             "written for)",
                   MR_RULESET_VERSION);
  long version;
  if (!mr_get_int(ld, v, "version", 1, 1L << 30, &version)) return 0;
  if (version > MR_RULESET_VERSION)
    return mr_fail(ld, v, "this memrules knows rule-set versions up to %d; "
                          "upgrade memrules or write 'version: %d'",
                   MR_RULESET_VERSION, MR_RULESET_VERSION);
  ld->version = (int)version;
  return 1;
}

/* A value without '/' or '.' names a profile; anything else is a path. */
static int is_profile_name(const char *s) {
  return !strchr(s, '/') && !strchr(s, '.');
}

/* "extends cycle: a.yaml -> b.yaml -> a.yaml", outermost file first. */
static void cycle_message(char *msg, size_t size, const chain *c,
                          const char *again) {
  const chain *order[64];
  size_t n = 0;
  for (; c && n < 64; c = c->outer) order[n++] = c;
  snprintf(msg, size, "extends cycle: ");
  while (n-- > 0) {
    size_t used = strlen(msg);
    snprintf(msg + used, size - used, "%s -> ", order[n]->shown);
  }
  size_t used = strlen(msg);
  snprintf(msg + used, size - used, "%s", again);
}

/* `extends: recommended | strict | none | path`: the policy this file
** builds on. The profile is taken at this file's version. */
static mr_policy *load_base(mr_loader *ld, const yaml_node_t *root,
                            const chain *self) {
  const yaml_node_t *v = mr_lookup(ld, root, "extends");
  const char *value = "recommended";
  if (v && !mr_get_string(ld, v, "extends", &value)) return NULL;
  if (is_profile_name(value)) {
    int which = MR_PROFILE_RECOMMENDED;
    if (v && !mr_get_word(ld, v, "profile", mr_profile_names, 3, &which))
      return NULL;
    mr_policy *p = mr_policy_new();
    if (!p) mr_fail(ld, root, "out of memory");
    else mr_profile_settings((mr_profile)which, ld->version, &p->settings);
    return p;
  }
  char *path = mr_path_join(ld->dir, value);
  char *real = path ? realpath(path, NULL) : NULL;
  mr_policy *base = NULL;
  const chain *c = self;
  while (real && c && strcmp(c->real, real) != 0) c = c->outer;
  if (!path) {
    mr_fail(ld, v, "out of memory");
  } else if (real && c) {
    char msg[sizeof ld->err->message];
    cycle_message(msg, sizeof msg, self, value);
    mr_fail(ld, v, "%s", msg);
  } else {
    base = load_file(path, self, &(origin){ld, v, value}, ld->err);
  }
  free(real);
  free(path);
  return base;
}

/* `severity:` re-levels what the base enabled and is the level rules
** turned on later by a map without `severity` get. */
static int load_severity(mr_loader *ld, const yaml_node_t *root) {
  const yaml_node_t *v = mr_lookup(ld, root, "severity");
  if (!v) return 1;
  int word;
  if (!mr_get_word(ld, v, "severity", mr_severity_words, 3, &word)) return 0;
  mr_severity s = (mr_severity)(word + 1);
  for (int i = 0; i < MR_RULE_COUNT; i++)
    if (ld->policy->settings.rule[i].severity != MR_SEV_OFF)
      ld->policy->settings.rule[i].severity = s;
  ld->policy->default_severity = s;
  return 1;
}

static int load_rules_section(mr_loader *ld, const yaml_node_t *root) {
  const yaml_node_t *v = mr_lookup(ld, root, "rules");
  if (!v) return 1;
  mr_patch *patch = calloc(1, sizeof *patch);
  if (!patch) return mr_fail(ld, v, "out of memory");
  int ok = mr_load_rules(ld, v, patch);
  if (ok) mr_patch_apply(patch, &ld->policy->settings);
  free(patch);
  return ok;
}

/* Build the policy from a parsed document. An empty document (nothing, or
** only comments, or a bare '---') is the default policy. */
static int build(mr_loader *ld, const chain *self) {
  const yaml_node_t *root = yaml_document_get_root_node(&ld->doc);
  if (!root || mr_is_null(root)) {
    ld->policy = mr_policy_new();
    if (!ld->policy) file_error(ld->err, ld->file, "%s", "out of memory");
    return ld->policy != NULL;
  }
  if (root->type != YAML_MAPPING_NODE)
    return mr_fail(ld, root, "a policy must be a map of keys like "
                             "'version: 1', got %s",
                   mr_describe(root));
  if (!mr_check_keys(ld, root, "the policy", top_keys, TOP_KEY_COUNT) ||
      !load_version(ld, root))
    return 0;
  ld->policy = load_base(ld, root, self);
  if (!ld->policy) return 0;
  ld->policy->version = ld->version;
  return load_severity(ld, root) && load_rules_section(ld, root) &&
         mr_load_sections(ld, root);
}

static mr_policy *load_file(const char *path, const chain *outer,
                            const origin *from, mr_error *err) {
  mr_loader ld = {.file = path, .err = err, .version = MR_RULESET_VERSION};
  size_t len = 0;
  const char *why = NULL;
  char *buf = read_policy(path, &len, &why);
  if (!buf) {
    if (from)
      mr_fail(from->ld, from->node, "cannot read '%s': %s", from->value, why);
    else
      file_error(err, path, "%s", why);
    return NULL;
  }
  char *real = mr_path_resolve(path);
  ld.dir = real ? strdup(real) : NULL;
  if (ld.dir) {
    char *slash = strrchr(ld.dir, '/');
    slash[slash == ld.dir] = '\0'; /* "/p.yaml" lives in "/" */
  }
  chain self = {real ? real : "", path, outer};
  int ok = 0;
  if (!ld.dir) {
    file_error(err, path, "%s", "out of memory");
  } else if (check_events(&ld, buf, len) && load_document(&ld, buf, len)) {
    ok = build(&ld, &self);
    yaml_document_delete(&ld.doc);
  }
  if (ok) {
    free(ld.policy->file);
    ok = (ld.policy->file = strdup(path)) != NULL &&
         mr_strings_push(&ld.policy->sources, path);
    if (!ok) file_error(err, path, "%s", "out of memory");
  }
  if (!ok) {
    mr_policy_free(ld.policy);
    ld.policy = NULL;
  }
  free(ld.dir);
  free(real);
  free(buf);
  return ld.policy;
}

mr_policy *mr_policy_load_file(const char *path, mr_error *err) {
  return load_file(path, NULL, NULL, err);
}
