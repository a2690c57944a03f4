/* Malformed or unusual YAML: what libyaml reports passes through with its
** position, and what a plain policy has no use for is rejected. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void load_ok(const char *yaml) {
  mr_error err;
  mr_policy *p = load_yaml(yaml, &err);
  if (!p) fail_msg("'%s': %d:%d: %s", yaml, err.line, err.column, err.message);
  assert_int_equal(mr_policy_version(p), MR_RULESET_VERSION);
  mr_settings s;
  mr_policy_settings_for(p, path_in("a.c"), &s);
  for (int i = 0; i < MR_RULE_COUNT; i++)
    assert_int_equal(s.rule[i].severity,
                     mr_rules[i].recommended ? mr_rules[i].severity
                                             : MR_SEV_OFF);
  mr_policy_free(p);
}

static void empty_documents_are_defaults(void **state) {
  (void)state;
  load_ok("");
  load_ok("# only a comment\n\n   # and another\n");
  load_ok("---\n");
  load_ok("---\n...\n");
  load_ok("~\n");
}

static void tabs_are_libyaml_errors(void **state) {
  (void)state;
  expect_error("version: 1\nrules:\n\talloc-in-loop: off\n", 3, 1,
               "found character that cannot start any token (YAML does not "
               "allow tabs for indentation)");
}

static void syntax_errors_pass_through(void **state) {
  (void)state;
  expect_error("version: 1\nexclude: [a, b\n", 3, 1,
               "did not find expected ',' or ']'");
  expect_error("version: 1\n  bad: indent\n", 2, 6,
               "mapping values are not allowed in this context");
}

static void non_utf8_is_a_reader_error(void **state) {
  (void)state;
  expect_error("version: 1\nexclude: [\"ab\xff\"]\n", 2, 14,
               "not a text policy: invalid leading UTF-8 octet (byte 0xff)");
}

static void binary_files_are_rejected(void **state) {
  (void)state;
  static const char elf[] = "\x7f"
                            "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
  const char *path = write_file("binary.yaml", elf, sizeof elf - 1);
  mr_error err;
  assert_null(mr_policy_load_file(path, &err));
  assert_int_equal(err.line, 1);
  assert_int_equal(err.column, 1);
  assert_non_null(strstr(err.message, "not a text policy: control characters "
                                      "are not allowed"));
  assert_string_equal(err.file, path);
}

static void anchors_and_aliases_are_rejected(void **state) {
  (void)state;
  expect_error("version: 1\nexclude: &ex [a]\nhot:\n  files: *ex\n", 2, 10,
               "anchors (&ex) are not allowed in a policy");
  expect_error("version: 1\nexclude: [a]\nhot:\n  files: *ex\n", 4, 10,
               "aliases (*ex) are not allowed in a policy; write the value "
               "out (quote globs that start with '*')");
  /* An unquoted glob is an alias to YAML; libyaml's error gets a hint. */
  expect_error("version: 1\nexclude:\n  - *.c\n", 3, 6,
               "while scanning an alias, did not find expected alphabetic or "
               "numeric character (quote globs that start with '*', like "
               "\"*.c\")");
  expect_error("version: 1\nrules: !!map {}\n", 2, 8,
               "tags (tag:yaml.org,2002:map) are not allowed in a policy");
}

static void one_document_only(void **state) {
  (void)state;
  expect_error("version: 1\n---\nversion: 1\n", 2, 1,
               "a policy is one YAML document; remove this second one");
  expect_error("---\nversion: 1\n...\n---\n", 4, 1, "one YAML document");
}

static void top_level_must_be_a_map(void **state) {
  (void)state;
  expect_error("- version: 1\n", 1, 1,
               "a policy must be a map of keys like 'version: 1', got a list");
  expect_error("hello\n", 1, 1, "got a string");
  expect_error("\n\n42\n", 3, 1, "got an integer");
}

static void files_that_are_not_policies(void **state) {
  (void)state;
  mr_error err;
  make_dir("folder.yaml");
  assert_null(mr_policy_load_file(path_in("folder.yaml"), &err));
  assert_int_equal(err.line, 0);
  assert_int_equal(err.column, 0);
  assert_string_equal(err.file, path_in("folder.yaml"));
  assert_string_equal(err.message, "is a directory, not a policy file");

  assert_null(mr_policy_load_file(path_in("missing.yaml"), &err));
  assert_int_equal(err.line, 0);
  assert_string_equal(err.message, "No such file or directory");

  char line[2048];
  mr_error_format(&err, line, sizeof line);
  char want[2048];
  snprintf(want, sizeof want, "%s: No such file or directory",
           path_in("missing.yaml"));
  assert_string_equal(line, want);
}

static void error_format_with_position(void **state) {
  (void)state;
  mr_error err = {.file = "p.yaml", .line = 3, .column = 7,
                  .message = "unknown rule 'x'"};
  char line[64];
  mr_error_format(&err, line, sizeof line);
  assert_string_equal(line, "p.yaml:3:7: unknown rule 'x'");
  mr_error_format(&err, line, 10);
  assert_string_equal(line, "p.yaml:3:");
}

static void huge_files_are_refused(void **state) {
  (void)state;
  size_t n = 1024 * 1024 + 1;
  char *big = malloc(n);
  assert_non_null(big);
  memset(big, '#', n);
  big[n - 1] = '\n';
  const char *path = write_file("huge.yaml", big, n);
  free(big);
  mr_error err;
  assert_null(mr_policy_load_file(path, &err));
  assert_int_equal(err.line, 0);
  assert_string_equal(err.message, "policy too large (over 1 MiB)");
}

static double seconds_since(clock_t start) {
  return (double)(clock() - start) / CLOCKS_PER_SEC;
}

/* Just under the limit: a long list and a map with many keys load in time
** linear (or n log n) in their size. */
static void big_policies_are_not_quadratic(void **state) {
  (void)state;
  size_t cap = 1000 * 1000, len = 0;
  char *yaml = malloc(cap);
  assert_non_null(yaml);
  len += (size_t)snprintf(yaml + len, cap - len, "version: 1\nexclude:\n");
  for (int i = 0; i < 40000; i++)
    len += (size_t)snprintf(yaml + len, cap - len, "  - dir%d/**\n", i);
  clock_t start = clock();
  mr_error err;
  mr_policy *p = load_yaml(yaml, &err);
  assert_non_null(p);
  assert_true(mr_policy_is_excluded(p, path_in("dir39999/x.c")));
  mr_policy_free(p);
  assert_true(seconds_since(start) < 5.0);

  /* 40000 distinct keys, then a duplicate of the first: found by sorting. */
  len = (size_t)snprintf(yaml, cap, "version: 1\nrules:\n  struct-padding:\n");
  for (int i = 0; i < 40000; i++)
    len += (size_t)snprintf(yaml + len, cap - len, "    k%d: 1\n", i);
  snprintf(yaml + len, cap - len, "    k0: 2\n");
  start = clock();
  expect_error(yaml, 40004, 5, "duplicate key 'k0' (first given at line 4)");
  assert_true(seconds_since(start) < 5.0);
  free(yaml);
}

/* libyaml's scanner is quadratic in flow depth: the loader must stop early. */
static void deep_nesting_is_refused_early(void **state) {
  (void)state;
  size_t depth = 100000;
  char *yaml = malloc(depth * 2 + 32);
  assert_non_null(yaml);
  size_t len = (size_t)sprintf(yaml, "version: 1\nexclude: ");
  memset(yaml + len, '[', depth);
  memset(yaml + len + depth, ']', depth);
  strcpy(yaml + len + 2 * depth, "\n");
  clock_t start = clock();
  /* The root map is level 1: the 32nd "[" (column 10 + 31) is level 33. */
  expect_error(yaml, 2, 41, "nested more than 32 levels deep");
  assert_true(seconds_since(start) < 5.0);
  free(yaml);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(empty_documents_are_defaults),
      cmocka_unit_test(tabs_are_libyaml_errors),
      cmocka_unit_test(syntax_errors_pass_through),
      cmocka_unit_test(non_utf8_is_a_reader_error),
      cmocka_unit_test(binary_files_are_rejected),
      cmocka_unit_test(anchors_and_aliases_are_rejected),
      cmocka_unit_test(one_document_only),
      cmocka_unit_test(top_level_must_be_a_map),
      cmocka_unit_test(files_that_are_not_policies),
      cmocka_unit_test(error_format_with_position),
      cmocka_unit_test(huge_files_are_refused),
      cmocka_unit_test(big_policies_are_not_quadratic),
      cmocka_unit_test(deep_nesting_is_refused_early),
  };
  return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
