/*
** Turns a compile command from a compilation database into a syntax-only
** run of the plugin's clang with the plugin loaded.
*/
#ifndef MEMRULES_TOOLS_REWRITE_H
#define MEMRULES_TOOLS_REWRITE_H

struct mr_rewrite_options {
  const char *clang;      /* the clang the plugin was built for */
  const char *plugin;     /* libmemrules.so */
  const char *policy;     /* absolute, or NULL: the plugin discovers one */
  const char *report_dir; /* absolute, or NULL */
  int werror;
  int color; /* -fcolor-diagnostics: the output goes to a terminal */
};

/* Returns the rewritten command (NULL-terminated, every string malloc'ed:
** free with mr_words_free), or NULL when out of memory:
**   - a launcher in front (ccache, sccache, distcc, icecc) is dropped, and
**     the compiler is replaced by O->clang (in g++ mode when the compiler's
**     name has "++" in it, as g++ and clang++ treat .c files as C++);
**   - output, compile-stage and dependency-file flags (-o, -c, -S, -E, -M*,
**     -Wp,-M*) and any -fplugin flags already there are dropped;
**   - GCC-only flags clang rejects as unknown are dropped (the table in
**     rewrite.c; docs/integration.md lists them);
**   - -fsyntax-only, -Qunused-arguments, -Wno-unknown-warning-option (GCC's
**     warning flags stay, clang ignores them) and the plugin flags are added.
*/
char **mr_rewrite(char *const *argv, const struct mr_rewrite_options *o);

#endif
