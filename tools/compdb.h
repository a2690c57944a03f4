/*
** A compilation database (compile_commands.json, clang's JSON format): one
** entry per compile, with "directory", "file" and either "arguments" (a list)
** or "command" (a shell command line).
*/
#ifndef MEMRULES_TOOLS_COMPDB_H
#define MEMRULES_TOOLS_COMPDB_H

#include <stddef.h>

struct mr_compdb_entry {
  char *directory; /* where the compile runs */
  char *file;      /* the source file, absolute */
  char **argv;     /* the compile command, NULL-terminated */
};

struct mr_compdb {
  char *path; /* the compile_commands.json read */
  struct mr_compdb_entry *entries;
  size_t count;
};

/* Reads PATH, a compile_commands.json or a build directory holding one.
** Returns 0, or -1 after printing "memrules run: FILE: error: ..." to
** stderr. */
int mr_compdb_load(const char *path, struct mr_compdb *db);

void mr_compdb_free(struct mr_compdb *db);

#endif
