/*
** Shared by the unit tests: a scratch folder per test program, files
** written into it, and loading a policy from a string.
*/
#ifndef MEMRULES_TEST_HELPERS_H
#define MEMRULES_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "memrules_policy.h"

/* Group setup/teardown: create and remove the scratch folder. */
int scratch_setup(void **state);
int scratch_teardown(void **state);

/* The scratch folder's absolute (real) path. */
const char *scratch(void);

/* Write content (len bytes, or strlen when len is (size_t)-1) to
** scratch/name, creating folders; returns the full path (static buffer). */
const char *write_file(const char *name, const char *content, size_t len);
void make_dir(const char *name);

/* scratch/name as a path (static buffer, one at a time). */
const char *path_in(const char *name);

/* Write yaml to scratch/policy.yaml and load it. */
mr_policy *load_yaml(const char *yaml, mr_error *err);

/* Loading yaml fails at line:col with a message containing text. */
#define expect_error(yaml, line, col, text) \
  expect_error_at(yaml, line, col, text, __FILE__, __LINE__)
void expect_error_at(const char *yaml, int line, int col, const char *text,
                     const char *file, int at);

/* The path of a test input under test/unit/inputs. */
const char *input(const char *name);

#endif
