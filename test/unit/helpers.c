#define _XOPEN_SOURCE 700
#include "helpers.h"

#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch_dir[PATH_MAX];

int scratch_setup(void **state) {
  (void)state;
  char tmpl[] = "/tmp/memrules-unit-XXXXXX";
  if (!mkdtemp(tmpl)) return -1;
  if (!realpath(tmpl, scratch_dir)) return -1;
  return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag,
                      struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  return remove(path);
}

int scratch_teardown(void **state) {
  (void)state;
  return nftw(scratch_dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *scratch(void) { return scratch_dir; }

const char *path_in(const char *name) {
  static char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/%s", scratch_dir, name);
  return path;
}

/* mkdir -p of every folder above path. */
static void make_parents(const char *path) {
  char copy[PATH_MAX];
  snprintf(copy, sizeof copy, "%s", path);
  for (char *p = copy + 1; *p; p++)
    if (*p == '/') {
      *p = '\0';
      mkdir(copy, 0755);
      *p = '/';
    }
}

void make_dir(const char *name) {
  const char *path = path_in(name);
  make_parents(path);
  mkdir(path, 0755);
}

const char *write_file(const char *name, const char *content, size_t len) {
  const char *path = path_in(name);
  make_parents(path);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  if (len == (size_t)-1) len = strlen(content);
  assert_int_equal(fwrite(content, 1, len, f), len);
  fclose(f);
  return path;
}

mr_policy *load_yaml(const char *yaml, mr_error *err) {
  const char *path = write_file("policy.yaml", yaml, (size_t)-1);
  return mr_policy_load_file(path, err);
}

void expect_error_at(const char *yaml, int line, int col, const char *text,
                     const char *file, int at) {
  mr_error err;
  mr_policy *p = load_yaml(yaml, &err);
  if (p) {
    mr_policy_free(p);
    fail_msg("%s:%d: policy loaded, expected an error containing '%s'", file,
             at, text);
  }
  if (err.line != line || err.column != col || !strstr(err.message, text) ||
      strchr(err.message, '\n'))
    fail_msg("%s:%d: got %d:%d: %s\nexpected %d:%d: ...%s...", file, at,
             err.line, err.column, err.message, line, col, text);
}

const char *input(const char *name) {
  static char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/%s", MEMRULES_UNIT_INPUTS, name);
  return path;
}
