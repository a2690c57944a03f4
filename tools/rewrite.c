#include "rewrite.h"

#include "shell_words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Compiler launchers that wrap the real compiler in a build's command. */
static const char *const launchers[] = {"ccache", "sccache", "distcc", "icecc",
                                        "buildcache", NULL};

/* Flags dropped alone: output stage and dependency files (the syntax-only
** run writes nothing), and GCC-only options clang 14 and 19 reject with
** "unknown argument" (checked against both). */
static const char *const dropped[] = {
    "-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MG", "-MP", "-fsyntax-only",
    /* GCC-only */
    "-fanalyzer", "-fconserve-stack", "-fallow-store-data-races",
    "-fno-allow-store-data-races", "-fvar-tracking", "-fno-var-tracking",
    "-fvar-tracking-assignments", "-fno-var-tracking-assignments", "-fipa-sra",
    "-fno-ipa-sra", "-fipa-pta", "-fno-ipa-cp-clone",
    "-fno-reorder-blocks-and-partition", "-fcallgraph-info",
    "-fharden-compares", "-fharden-conditional-branches",
    "-fno-guess-branch-probability", "-fno-early-inlining", "-fpartial-inlining",
    "-fno-partial-inlining", "-fno-toplevel-reorder",
    "-fno-keep-inline-dllexport", "-fsched-pressure", "-fno-code-hoisting",
    "-fno-printf-return-value", "-fopt-info", "-fplan9-extensions",
    "-fno-lifetime-dse", "-fno-tree-loop-distribute-patterns",
    "-mrecord-mcount", NULL};

/* Flags dropped with the argument that follows them. */
static const char *const dropped_with_value[] = {"-o", "-MF", "-MT", "-MQ",
                                                 "-MJ", NULL};

/* Prefixes of dropped flags: joined values (-ofile, -MFfile), plugins
** (GCC's or an earlier memrules'), and GCC-only option families. */
static const char *const dropped_prefixes[] = {
    "-o", "-MF", "-MT", "-MQ", "-MJ", "-Wp,-M", "-fplugin=", "-fplugin-arg-",
    /* GCC-only */
    "-mindirect-branch=", "-mpreferred-stack-boundary=", "-fdump-",
    "-fopt-info-", "-flive-patching=", "-fcallgraph-info=", NULL};

static int listed(const char *const *list, const char *s) {
  for (; *list; list++)
    if (strcmp(*list, s) == 0) return 1;
  return 0;
}

static int has_listed_prefix(const char *const *list, const char *s) {
  for (; *list; list++)
    if (strncmp(*list, s, strlen(*list)) == 0) return 1;
  return 0;
}

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* A vector of malloc'ed strings that grows as arguments are added; the first
** failed allocation makes it fail for good (ok = 0). */
struct args {
  char **v;
  size_t n, cap;
  int ok;
};

static void add(struct args *a, const char *s) {
  if (!a->ok) return;
  if (a->n + 2 > a->cap) {
    size_t cap = a->cap ? 2 * a->cap : 32;
    char **grown = realloc(a->v, cap * sizeof *grown);
    if (!grown) {
      a->ok = 0;
      return;
    }
    a->v = grown;
    a->cap = cap;
  }
  if (!(a->v[a->n] = strdup(s))) {
    a->ok = 0;
    return;
  }
  a->v[++a->n] = NULL;
}

static void add_plugin_arg(struct args *a, const char *key, const char *value) {
  char buf[4096];
  snprintf(buf, sizeof buf, "-fplugin-arg-memrules-%s%s%s", key,
           value ? "=" : "", value ? value : "");
  add(a, buf);
}

char **mr_rewrite(char *const *argv, const struct mr_rewrite_options *o) {
  struct args a = {NULL, 0, 0, 1};
  size_t i = 0;
  while (argv[i] && argv[i + 1] && listed(launchers, base_name(argv[i]))) i++;
  add(&a, o->clang);
  if (strstr(base_name(argv[i]), "++")) add(&a, "--driver-mode=g++");
  for (i++; argv[i]; i++) {
    if (listed(dropped_with_value, argv[i])) {
      if (argv[i + 1]) i++;
      continue;
    }
    if (!listed(dropped, argv[i]) && !has_listed_prefix(dropped_prefixes, argv[i]))
      add(&a, argv[i]);
  }
  add(&a, "-fsyntax-only");
  if (o->color) add(&a, "-fcolor-diagnostics");
  add(&a, "-Qunused-arguments");
  add(&a, "-Wno-unknown-warning-option");
  char plugin[4096];
  snprintf(plugin, sizeof plugin, "-fplugin=%s", o->plugin);
  add(&a, plugin);
  if (o->policy) add_plugin_arg(&a, "policy", o->policy);
  if (o->report_dir) add_plugin_arg(&a, "report-dir", o->report_dir);
  if (o->werror) add_plugin_arg(&a, "werror", NULL);
  if (!a.ok) {
    mr_words_free(a.v);
    return NULL;
  }
  return a.v;
}
