/* Loading: every key on the happy path, and every validation error with its
** exact line:col. */
#include "helpers.h"

#include <string.h>

static const char full_policy[] =
    "version: 1\n"
    "extends: recommended\n"
    "severity: error\n"
    "exclude:\n"
    "  - third_party/**\n"
    "  - \"**/*.pb.c\"\n"
    "allocators:\n"
    "  - alloc: [xmalloc, xcalloc]\n"
    "    free: [xfree]\n"
    "    never-null: true\n"
    "  - alloc: [arena_alloc]\n"
    "    free: []\n"
    "  - preset: git\n"
    "hot:\n"
    "  functions: [\"*_hot\", \"process_*\"]\n"
    "  files: [\"src/engine/**\"]\n"
    "log-functions: [log_info, log_error]\n"
    "rules:\n"
    "  alloc-in-loop: { severity: note }\n"
    "  struct-padding: { min-bytes: 8, scope: hot }\n"
    "  realloc-leak: off\n"
    "overrides:\n"
    "  - files: [\"tests/**\"]\n"
    "    rules:\n"
    "      alloc-in-loop: off\n"
    "      struct-padding: { min-bytes-in-arrays: 2 }\n"
    "baseline: memrules-baseline.json\n"
    "report-unused-suppressions: true\n";

static void every_key_loads(void **state) {
  (void)state;
  mr_error err;
  mr_policy *p = load_yaml(full_policy, &err);
  if (!p) fail_msg("%d:%d: %s", err.line, err.column, err.message);
  assert_string_equal(mr_policy_file(p), path_in("policy.yaml"));
  assert_int_equal(mr_policy_version(p), 1);

  mr_settings s;
  mr_policy_settings_for(p, path_in("src/a.c"), &s);
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity, MR_SEV_NOTE);
  assert_int_equal(s.rule[MR_RULE_STRUCT_PADDING].severity, MR_SEV_ERROR);
  assert_int_equal(s.rule[MR_RULE_STRUCT_PADDING].scope, MR_SCOPE_HOT);
  assert_int_equal(s.rule[MR_RULE_REALLOC_LEAK].severity, MR_SEV_OFF);
  assert_int_equal(s.option[MR_OPTION_STRUCT_PADDING_MIN_BYTES], 8);
  assert_int_equal(s.option[MR_OPTION_STRUCT_PADDING_MIN_BYTES_IN_ARRAYS], 8);

  mr_policy_settings_for(p, path_in("tests/unit/t.c"), &s);
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity, MR_SEV_OFF);
  assert_int_equal(s.rule[MR_RULE_STRUCT_PADDING].severity, MR_SEV_ERROR);
  assert_int_equal(s.option[MR_OPTION_STRUCT_PADDING_MIN_BYTES_IN_ARRAYS], 2);

  assert_true(mr_policy_is_excluded(p, path_in("third_party/z/z.c")));
  assert_true(mr_policy_is_excluded(p, path_in("src/gen/msg.pb.c")));
  assert_false(mr_policy_is_excluded(p, path_in("src/a.c")));

  assert_int_equal(mr_policy_allocator_family_count(p), 3);
  const mr_allocator_family *f = mr_policy_allocator_family(p, 0);
  assert_string_equal(f->name, "policy");
  assert_int_equal(f->alloc_count, 2);
  assert_string_equal(f->alloc[0], "xmalloc");
  assert_string_equal(f->alloc[1], "xcalloc");
  assert_int_equal(f->release_count, 1);
  assert_string_equal(f->release[0], "xfree");
  assert_int_equal(f->never_null, 1);
  f = mr_policy_allocator_family(p, 1);
  assert_string_equal(f->alloc[0], "arena_alloc");
  assert_int_equal(f->release_count, 0);
  assert_int_equal(f->never_null, 0);
  assert_string_equal(mr_policy_allocator_family(p, 2)->name, "git");
  assert_null(mr_policy_allocator_family(p, 3));

  assert_true(mr_policy_is_hot_function(p, "parse_hot"));
  assert_true(mr_policy_is_hot_function(p, "process_batch"));
  assert_false(mr_policy_is_hot_function(p, "main"));
  assert_true(mr_policy_is_hot_file(p, path_in("src/engine/x/y.c")));
  assert_false(mr_policy_is_hot_file(p, path_in("src/enginex.c")));
  assert_true(mr_policy_is_log_function(p, "log_error"));
  assert_false(mr_policy_is_log_function(p, "log_warn"));

  assert_string_equal(mr_policy_baseline(p),
                      path_in("memrules-baseline.json"));
  assert_true(mr_policy_reports_unused_suppressions(p));
  mr_policy_free(p);
}

static void absent_keys_have_defaults(void **state) {
  (void)state;
  mr_error err;
  mr_policy *p = load_yaml("version: 1\n", &err);
  assert_non_null(p);
  assert_null(mr_policy_baseline(p));
  assert_false(mr_policy_reports_unused_suppressions(p));
  assert_int_equal(mr_policy_allocator_family_count(p), 0);
  assert_false(mr_policy_is_excluded(p, path_in("a.c")));
  assert_false(mr_policy_is_hot_function(p, "f"));
  mr_settings s;
  mr_policy_settings_for(p, path_in("a.c"), &s);
  for (int i = 0; i < MR_RULE_COUNT; i++)
    assert_int_equal(s.rule[i].severity,
                     mr_rules[i].recommended ? mr_rules[i].severity : MR_SEV_OFF);
  mr_policy_free(p);
}

static void unknown_keys(void **state) {
  (void)state;
  expect_error("version: 1\nexlude: []\n", 2, 1,
               "unknown key 'exlude' in the policy; did you mean 'exclude'?");
  expect_error("version: 1\nfrobnicate: 1\n", 2, 1,
               "unknown key 'frobnicate' in the policy (expected one of: "
               "version, extends");
  expect_error("version: 1\nhot:\n  function: [f]\n", 3, 3,
               "did you mean 'functions'?");
  expect_error("version: 1\nallocators:\n  - alloc: [a]\n    fre: []\n", 4, 5,
               "unknown key 'fre' in an allocator family; did you mean "
               "'free'?");
  expect_error("version: 1\noverrides:\n  - file: [a]\n", 3, 5,
               "did you mean 'files'?");
  expect_error("version: 1\n? [a]\n: 1\n", 2, 3,
               "keys in the policy must be plain names, got a list");
}

static void unknown_rules_and_options(void **state) {
  (void)state;
  expect_error("version: 1\nrules:\n  alloc-in-lop: error\n", 3, 3,
               "unknown rule 'alloc-in-lop'; did you mean 'alloc-in-loop'?");
  expect_error("version: 1\nrules:\n  no-such-rule: off\n", 3, 3,
               "unknown rule 'no-such-rule' (`memrules list-rules`");
  expect_error("version: 1\nrules:\n  struct-padding: { min-byts: 8 }\n", 3,
               21,
               "unknown option 'min-byts' of rule 'struct-padding'; did you "
               "mean 'min-bytes'?");
  expect_error("version: 1\nrules:\n  alloc-in-loop: { max-bytes: 8 }\n", 3,
               20,
               "unknown option 'max-bytes' of rule 'alloc-in-loop' (it "
               "takes: severity, scope)");
  expect_error("version: 1\noverrides:\n  - files: [a]\n    rules:\n"
               "      realoc-leak: off\n",
               5, 7, "did you mean 'realloc-leak'?");
}

static void wrong_types(void **state) {
  (void)state;
  expect_error("version: 1\nrules:\n  struct-padding: { min-bytes: \"8\" }\n",
               3, 32, "expected an integer for 'min-bytes', got a string");
  expect_error("version: 1\nrules:\n  struct-padding: { min-bytes: [8] }\n", 3,
               32, "expected an integer for 'min-bytes', got a list");
  expect_error("version: 1\nexclude: third_party\n", 2, 10,
               "expected a list for 'exclude', got a string");
  expect_error("version: 1\nexclude:\n", 2, 9,
               "expected a list for 'exclude', got nothing");
  expect_error("version: 1\nexclude: [[a]]\n", 2, 11,
               "expected a string for 'exclude', got a list");
  expect_error("version: 1\nhot: [a]\n", 2, 6,
               "expected a map for 'hot', got a list");
  expect_error("version: 1\nrules: [alloc-in-loop]\n", 2, 8,
               "expected a map for 'rules', got a list");
  expect_error("version: 1\nreport-unused-suppressions: yes\n", 2, 29,
               "expected true or false for 'report-unused-suppressions', got "
               "a string");
  expect_error("version: 1\nbaseline: [a]\n", 2, 11,
               "expected a string for 'baseline', got a list");
  expect_error("version: 1\nlog-functions: [\"log info\"]\n", 2, 17,
               "'log info' is not a function name");
  expect_error("version: 1\nrules:\n  alloc-in-loop: [error]\n", 3, 18,
               "expected off, note, warning, error or a map for rule "
               "'alloc-in-loop', got a list");
  expect_error("version: 1\nrules:\n  alloc-in-loop:\n", 3, 17,
               "got nothing");
  expect_error("version: 1\nallocators:\n  - xmalloc\n", 3, 5,
               "expected a map for 'allocators', got a string");
  expect_error("version: 1\nallocators:\n  - alloc: [a]\n    free: []\n"
               "    never-null: 1\n",
               5, 17, "expected true or false for 'never-null', got an "
                      "integer");
}

static void values_out_of_range(void **state) {
  (void)state;
  expect_error("version: 1\nrules:\n  struct-padding: { min-bytes: 0 }\n", 3,
               32, "'min-bytes' must be between 1 and 65536, got 0");
  expect_error("version: 1\nrules:\n  struct-padding:\n"
               "    min-bytes-in-arrays: 65537\n",
               4, 26, "'min-bytes-in-arrays' must be between 1 and 65536");
  expect_error("version: 1\nrules:\n  struct-padding:\n"
               "    min-bytes: 99999999999999999999999\n",
               4, 16, "must be between 1 and 65536");
  expect_error("version: 0\n", 1, 10, "'version' must be between 1 and");
  expect_error("version: -3\n", 1, 10, "'version' must be between 1 and");
}

static void bad_words(void **state) {
  (void)state;
  expect_error("version: 1\nseverity: eror\n", 2, 11,
               "unknown severity 'eror'; did you mean 'error'?");
  expect_error("version: 1\nseverity: fatal\n", 2, 11,
               "unknown severity 'fatal' (expected one of: note, warning, "
               "error)");
  expect_error("version: 1\nseverity: off\n", 2, 11,
               "unknown severity 'off'");
  expect_error("version: 1\nrules:\n  alloc-in-loop: { scope: hto }\n", 3, 27,
               "unknown scope 'hto'; did you mean 'hot'?");
  expect_error("version: 1\nrules:\n  alloc-in-loop: { severity: warn1ng }\n",
               3, 30, "unknown severity 'warn1ng'; did you mean 'warning'?");
  expect_error("version: 1\nrules:\n  alloc-in-loop: of\n", 3, 18,
               "unknown value 'of' for rule 'alloc-in-loop'; did you mean "
               "'off'?");
  expect_error("version: 1\nrules:\n  alloc-in-loop: 3\n", 3, 18,
               "unknown value '3' for rule 'alloc-in-loop' (expected off");
  expect_error("version: 1\nextends: recomended\n", 2, 10,
               "unknown profile 'recomended'; did you mean 'recommended'?");
}

static void bad_globs(void **state) {
  (void)state;
  expect_error("version: 1\nexclude: [\"src/[abc\"]\n", 2, 11,
               "unbalanced '[' in glob: 'src/[abc'");
  expect_error("version: 1\nexclude: [\"src/[a/b]\"]\n", 2, 11,
               "unbalanced '['");
  expect_error("version: 1\nexclude:\n  - ok/**\n  - a**b\n", 4, 5,
               "'**' must be a whole path segment (like 'a/**/b'): 'a**b'");
  expect_error("version: 1\nexclude: [\"src/**.c\"]\n", 2, 11,
               "'**' must be a whole path segment");
  expect_error("version: 1\nexclude: [\"\"]\n", 2, 11, "empty glob");
  expect_error("version: 1\nexclude: ['src\\']\n", 2, 11,
               "a glob cannot end with a backslash");
  expect_error("version: 1\nhot:\n  files: [\"a[\"]\n", 3, 11,
               "unbalanced '['");
  expect_error("version: 1\nhot:\n  functions: [\"f[\"]\n", 3, 15,
               "unbalanced '['");
  expect_error("version: 1\noverrides:\n  - files: [\"x**\"]\n"
               "    rules: {}\n",
               3, 13, "'**' must be a whole path segment");
}

static void good_globs_load(void **state) {
  (void)state;
  mr_error err;
  mr_policy *p = load_yaml("version: 1\nexclude: [\"[]x]*\", \"[!a]\", "
                           "\"\\\\[lit\", \"**\", \"a/**/b/**\"]\n"
                           "hot:\n  functions: [\"**hot**\"]\n",
                           &err);
  if (!p) fail_msg("%d:%d: %s", err.line, err.column, err.message);
  mr_policy_free(p);
}

static void version_rules(void **state) {
  (void)state;
  expect_error("exclude: []\n", 1, 1, "missing 'version: 1'");
  expect_error("# comment\n\nrules: {}\nbaseline: x\n", 3, 1,
               "missing 'version: 1'");
  expect_error("version: 2\n", 1, 10,
               "this memrules knows rule-set versions up to 1");
  expect_error("version: \"1\"\n", 1, 10,
               "expected an integer for 'version', got a string");
  expect_error("version: 1.0\n", 1, 10, "expected an integer for 'version'");
}

static void allocator_errors(void **state) {
  (void)state;
  expect_error("version: 1\nallocators:\n  - preset: gib\n", 3, 13,
               "unknown allocator preset 'gib'; did you mean 'glib'?");
  expect_error("version: 1\nallocators:\n  - preset: mine\n", 3, 13,
               "(expected one of: glib, sqlite3, redis, postgres, git, "
               "talloc)");
  expect_error("version: 1\nallocators:\n  - preset: glib\n    free: []\n", 3,
               5, "'preset' stands alone");
  expect_error("version: 1\nallocators:\n  - free: [f]\n", 3, 5,
               "an allocator family needs 'alloc: [...]'");
  expect_error("version: 1\nallocators:\n  - alloc: [a]\n", 3, 5,
               "needs 'free: [...]' (use 'free: []' for memory released in "
               "bulk)");
  expect_error("version: 1\nallocators:\n  - alloc: []\n    free: [f]\n", 3,
               12, "'alloc' needs at least one function");
  expect_error("version: 1\nallocators:\n  - alloc: [1x]\n    free: [f]\n", 3,
               13, "'1x' is not a function name");
}

static void override_errors(void **state) {
  (void)state;
  expect_error("version: 1\noverrides:\n  - rules: {}\n", 3, 5,
               "an override needs 'files: [...]'");
  expect_error("version: 1\noverrides:\n  - files: [a]\n", 3, 5,
               "an override needs 'rules: {...}'");
  expect_error("version: 1\noverrides:\n  - files: []\n    rules: {}\n", 3, 12,
               "'files' needs at least one glob");
  expect_error("version: 1\noverrides: {files: [a]}\n", 2, 12,
               "expected a list for 'overrides', got a map");
}

/* List-valued options: a name -> text map (banned-alloc's functions) and
** path globs (its allow-in), the latter relative to the policy's folder;
** overrides replace a list for their files. */
static void list_options(void **state) {
  (void)state;
  mr_error err;
  mr_policy *p = load_yaml("version: 1\n"
                           "rules:\n"
                           "  banned-alloc:\n"
                           "    functions: { malloc: \"use xmalloc()\", strdup: \"\" }\n"
                           "    allow-in: [\"src/util/**\"]\n"
                           "overrides:\n"
                           "  - files: [\"tests/**\"]\n"
                           "    rules:\n"
                           "      banned-alloc: { functions: { calloc: \"no\" } }\n",
                           &err);
  assert_non_null(p);
  mr_settings s;
  mr_policy_settings_for(p, path_in("src/main.c"), &s);
  assert_int_equal(s.rule[MR_RULE_BANNED_ALLOC].severity, MR_SEV_WARNING);
  const mr_option_list *fns = s.list[MR_OPTION_BANNED_ALLOC_FUNCTIONS];
  assert_int_equal(mr_option_list_count(fns), 2);
  assert_string_equal(mr_option_list_name(fns, 0), "malloc");
  assert_string_equal(mr_option_list_text(fns, 0), "use xmalloc()");
  assert_string_equal(mr_option_list_name(fns, 1), "strdup");
  assert_string_equal(mr_option_list_text(fns, 1), "");
  const mr_option_list *allow = s.list[MR_OPTION_BANNED_ALLOC_ALLOW_IN];
  assert_true(mr_option_list_matches_path(allow, path_in("src/util/alloc.c")));
  assert_false(mr_option_list_matches_path(allow, path_in("src/main.c")));
  mr_policy_settings_for(p, path_in("tests/t.c"), &s);
  fns = s.list[MR_OPTION_BANNED_ALLOC_FUNCTIONS];
  assert_int_equal(mr_option_list_count(fns), 1);
  assert_string_equal(mr_option_list_name(fns, 0), "calloc");
  mr_policy_free(p);

  /* Unset lists are empty; the default profile leaves the rule off. */
  p = mr_policy_load_default();
  mr_policy_settings_for(p, path_in("src/main.c"), &s);
  assert_int_equal(s.rule[MR_RULE_BANNED_ALLOC].severity, MR_SEV_OFF);
  assert_int_equal(mr_option_list_count(s.list[MR_OPTION_BANNED_ALLOC_FUNCTIONS]), 0);
  mr_policy_free(p);

  expect_error("version: 1\nrules:\n  banned-alloc: { functions: [malloc] }\n",
               3, 30, "functions");
  expect_error("version: 1\nrules:\n  banned-alloc: { functions: { malloc: [a] } }\n",
               3, 40, "functions");
  expect_error("version: 1\nrules:\n  banned-alloc: { allow-in: [\"a**\"] }\n",
               3, 30, "whole path segment");
  expect_error("version: 1\nrules:\n  banned-alloc:\n    functions: { a: x, a: y }\n",
               4, 24, "a");
}

/* A list of qualified names (grow-in-loop's vector-like-classes): a
** leading `::` is dropped, anything but identifiers joined by `::` is an
** error, and an override replaces the list for its files. */
static void name_list_options(void **state) {
  (void)state;
  mr_error err;
  mr_policy *p = load_yaml("version: 1\n"
                           "rules:\n"
                           "  grow-in-loop:\n"
                           "    vector-like-classes: [llvm::SmallVector, "
                           "\"::absl::InlinedVector\", Vec]\n"
                           "overrides:\n"
                           "  - files: [\"tests/**\"]\n"
                           "    rules:\n"
                           "      grow-in-loop: { vector-like-classes: [] }\n",
                           &err);
  assert_non_null(p);
  mr_settings s;
  mr_policy_settings_for(p, path_in("src/main.cc"), &s);
  const mr_option_list *names = s.list[MR_OPTION_GROW_IN_LOOP_VECTOR_LIKE_CLASSES];
  assert_int_equal(mr_option_list_count(names), 3);
  assert_string_equal(mr_option_list_name(names, 0), "llvm::SmallVector");
  assert_string_equal(mr_option_list_name(names, 1), "absl::InlinedVector");
  assert_string_equal(mr_option_list_name(names, 2), "Vec");
  mr_policy_settings_for(p, path_in("tests/t.cc"), &s);
  assert_int_equal(
      mr_option_list_count(s.list[MR_OPTION_GROW_IN_LOOP_VECTOR_LIKE_CLASSES]), 0);
  mr_policy_free(p);

  p = mr_policy_load_default();
  mr_policy_settings_for(p, path_in("src/main.cc"), &s);
  assert_int_equal(s.rule[MR_RULE_GROW_IN_LOOP].severity, MR_SEV_WARNING);
  assert_int_equal(
      mr_option_list_count(s.list[MR_OPTION_GROW_IN_LOOP_VECTOR_LIKE_CLASSES]), 0);
  mr_policy_free(p);

  expect_error("version: 1\nrules:\n  grow-in-loop: { vector-like-classes: "
               "[\"a::\"] }\n",
               3, 41, "'a::' is not a qualified name");
  expect_error("version: 1\nrules:\n  grow-in-loop: { vector-like-classes: "
               "[\"std::vector<int>\"] }\n",
               3, 41, "is not a qualified name");
  expect_error("version: 1\nrules:\n  grow-in-loop: { vector-like-classes: "
               "[\"a:b\"] }\n",
               3, 41, "is not a qualified name");
  expect_error("version: 1\nrules:\n  grow-in-loop: { vector-like-classes: "
               "[\"1v\"] }\n",
               3, 41, "is not a qualified name");
  expect_error("version: 1\nrules:\n  grow-in-loop: { vector-like-classes: "
               "Vec }\n",
               3, 40, "vector-like-classes");
}

static void duplicate_keys(void **state) {
  (void)state;
  expect_error("version: 1\nexclude: []\nversion: 1\n", 3, 1,
               "duplicate key 'version' (first given at line 1)");
  expect_error("version: 1\nrules:\n  alloc-in-loop: off\n  realloc-leak: off\n"
               "  alloc-in-loop: error\n",
               5, 3, "duplicate key 'alloc-in-loop' (first given at line 3)");
  expect_error("version: 1\nrules:\n  struct-padding: { min-bytes: 8, "
               "min-bytes: 9 }\n",
               3, 35, "duplicate key 'min-bytes'");
  /* The first repeated key in file order is reported, not the first in
  ** sorted order. */
  expect_error("version: 1\nhot: {files: [a], functions: [b], files: [c], "
               "functions: [d]}\n",
               2, 35, "duplicate key 'files' (first given at line 2)");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(every_key_loads),
      cmocka_unit_test(absent_keys_have_defaults),
      cmocka_unit_test(unknown_keys),
      cmocka_unit_test(unknown_rules_and_options),
      cmocka_unit_test(wrong_types),
      cmocka_unit_test(values_out_of_range),
      cmocka_unit_test(bad_words),
      cmocka_unit_test(bad_globs),
      cmocka_unit_test(good_globs_load),
      cmocka_unit_test(version_rules),
      cmocka_unit_test(allocator_errors),
      cmocka_unit_test(override_errors),
      cmocka_unit_test(duplicate_keys),
      cmocka_unit_test(list_options),
      cmocka_unit_test(name_list_options),
  };
  return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
