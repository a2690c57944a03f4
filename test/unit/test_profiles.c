/* Profiles, version pinning, top-level severity, extends chains and cycles,
** and the order overrides apply in. */
#include "helpers.h"
#include "policy_internal.h"

#include <stdio.h>
#include <string.h>

static mr_policy *must_load(const char *path) {
  mr_error err;
  mr_policy *p = mr_policy_load_file(path, &err);
  if (!p) fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
  return p;
}

static mr_policy *must_load_yaml(const char *yaml) {
  return must_load(write_file("policy.yaml", yaml, (size_t)-1));
}

static mr_settings settings(const mr_policy *p, const char *name) {
  mr_settings s;
  mr_policy_settings_for(p, path_in(name), &s);
  return s;
}

static void recommended_is_the_default(void **state) {
  (void)state;
  mr_policy *dflt = mr_policy_load_default();
  mr_policy *implicit = must_load_yaml("version: 1\n");
  mr_policy *explicit_ = must_load_yaml("version: 1\nextends: recommended\n");
  assert_null(mr_policy_file(dflt));
  assert_int_equal(mr_policy_source_count(dflt), 0);
  assert_int_equal(mr_policy_version(dflt), MR_RULESET_VERSION);
  mr_settings a = settings(dflt, "x.c"), b = settings(implicit, "x.c"),
              c = settings(explicit_, "x.c");
  for (int i = 0; i < MR_RULE_COUNT; i++) {
    mr_severity want = mr_rules[i].recommended ? mr_rules[i].severity
                                               : MR_SEV_OFF;
    assert_int_equal(a.rule[i].severity, want);
    assert_int_equal(b.rule[i].severity, want);
    assert_int_equal(c.rule[i].severity, want);
    assert_int_equal(a.rule[i].scope, mr_rules[i].scope);
  }
  for (int i = 0; i < MR_OPTION_COUNT; i++) {
    assert_int_equal(a.option[i], mr_options[i].def);
    assert_int_equal(c.option[i], mr_options[i].def);
  }
  mr_policy_free(dflt);
  mr_policy_free(implicit);
  mr_policy_free(explicit_);
}

static void strict_and_none(void **state) {
  (void)state;
  mr_policy *strict = must_load_yaml("version: 1\nextends: strict\n");
  mr_settings s = settings(strict, "x.c");
  for (int i = 0; i < MR_RULE_COUNT; i++)
    assert_int_equal(s.rule[i].severity, mr_rules[i].severity);
  assert_int_equal(s.option[MR_OPTION_STRUCT_PADDING_MIN_BYTES], 8);
  assert_int_equal(s.option[MR_OPTION_STRUCT_PADDING_MIN_BYTES_IN_ARRAYS], 4);
  mr_policy_free(strict);

  mr_policy *none = must_load_yaml("version: 1\nextends: none\n");
  s = settings(none, "x.c");
  for (int i = 0; i < MR_RULE_COUNT; i++)
    assert_int_equal(s.rule[i].severity, MR_SEV_OFF);
  assert_int_equal(s.option[MR_OPTION_STRUCT_PADDING_MIN_BYTES], 24);
  mr_policy_free(none);
}

static void a_map_turns_a_rule_on(void **state) {
  (void)state;
  mr_policy *p = must_load_yaml("version: 1\nextends: none\nrules:\n"
                                "  alloc-in-loop: {}\n"
                                "  struct-padding: { min-bytes: 4 }\n");
  mr_settings s = settings(p, "x.c");
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity,
                   mr_rules[MR_RULE_ALLOC_IN_LOOP].severity);
  assert_int_equal(s.rule[MR_RULE_STRUCT_PADDING].severity, MR_SEV_WARNING);
  assert_int_equal(s.option[MR_OPTION_STRUCT_PADDING_MIN_BYTES], 4);
  assert_int_equal(s.rule[MR_RULE_REALLOC_LEAK].severity, MR_SEV_OFF);
  mr_policy_free(p);
}

static void top_level_severity(void **state) {
  (void)state;
  /* Re-levels what the profile enabled, and is the level of rules a map
  ** turns on; a map on an enabled rule keeps its level. */
  mr_policy *p = must_load_yaml("version: 1\nseverity: note\n");
  mr_settings s = settings(p, "x.c");
  for (int i = 0; i < MR_RULE_COUNT; i++)
    assert_int_equal(s.rule[i].severity,
                     mr_rules[i].recommended ? MR_SEV_NOTE : MR_SEV_OFF);
  mr_policy_free(p);

  p = must_load_yaml("version: 1\nextends: none\nseverity: error\nrules:\n"
                     "  alloc-in-loop: { scope: hot }\n"
                     "  realloc-leak: warning\n");
  s = settings(p, "x.c");
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity, MR_SEV_ERROR);
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].scope, MR_SCOPE_HOT);
  assert_int_equal(s.rule[MR_RULE_REALLOC_LEAK].severity, MR_SEV_WARNING);
  assert_int_equal(s.rule[MR_RULE_STRUCT_PADDING].severity, MR_SEV_OFF);
  mr_policy_free(p);

  p = must_load_yaml("version: 1\nseverity: error\nrules:\n"
                     "  alloc-in-loop: note\n"
                     "  struct-padding: { min-bytes: 10 }\n");
  s = settings(p, "x.c");
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity, MR_SEV_NOTE);
  assert_int_equal(s.rule[MR_RULE_STRUCT_PADDING].severity, MR_SEV_ERROR);
  assert_int_equal(s.rule[MR_RULE_REALLOC_LEAK].severity, MR_SEV_ERROR);
  mr_policy_free(p);
}

/* A profile at version N enables only rules with since <= N. The table has
** only since=1 rules, so version 0 (not loadable from a file) shows the
** cut-off, and a file's version 2 is refused. */
static void version_pins_the_rule_set(void **state) {
  (void)state;
  mr_settings s;
  for (int profile = MR_PROFILE_RECOMMENDED; profile <= MR_PROFILE_STRICT;
       profile++) {
    mr_profile_settings((mr_profile)profile, 0, &s);
    for (int i = 0; i < MR_RULE_COUNT; i++)
      assert_int_equal(s.rule[i].severity, MR_SEV_OFF);
    mr_profile_settings((mr_profile)profile, 1, &s);
    for (int i = 0; i < MR_RULE_COUNT; i++) {
      int on = mr_rules[i].since <= 1 &&
               (profile == MR_PROFILE_STRICT || mr_rules[i].recommended);
      assert_int_equal(s.rule[i].severity, on ? mr_rules[i].severity : MR_SEV_OFF);
    }
  }
  mr_policy *p = must_load_yaml("version: 1\nrules:\n  alloc-in-loop: error\n");
  assert_int_equal(mr_policy_version(p), 1);
  mr_policy_free(p);
  expect_error("version: 2\nrules:\n  alloc-in-loop: error\n", 1, 10,
               "this memrules knows rule-set versions up to 1");
}

static void overrides_apply_in_order(void **state) {
  (void)state;
  mr_policy *p = must_load_yaml(
      "version: 1\n"
      "overrides:\n"
      "  - files: [\"tests/**\"]\n"
      "    rules:\n"
      "      alloc-in-loop: off\n"
      "      struct-padding: { min-bytes: 100, scope: hot }\n"
      "  - files: [\"tests/perf/**\", \"bench\"]\n"
      "    rules:\n"
      "      alloc-in-loop: { severity: error }\n"
      "  - files: [\"**/*_gen.c\"]\n"
      "    rules:\n"
      "      alloc-in-loop: off\n");
  mr_settings s = settings(p, "src/a.c");
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity, MR_SEV_WARNING);
  assert_int_equal(s.option[MR_OPTION_STRUCT_PADDING_MIN_BYTES], 24);
  s = settings(p, "tests/unit/a.c");
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity, MR_SEV_OFF);
  assert_int_equal(s.option[MR_OPTION_STRUCT_PADDING_MIN_BYTES], 100);
  assert_int_equal(s.rule[MR_RULE_STRUCT_PADDING].scope, MR_SCOPE_HOT);
  s = settings(p, "tests/perf/a.c");
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity, MR_SEV_ERROR);
  assert_int_equal(s.option[MR_OPTION_STRUCT_PADDING_MIN_BYTES], 100);
  s = settings(p, "bench/x/y.c");
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity, MR_SEV_ERROR);
  s = settings(p, "tests/perf/x_gen.c");
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity, MR_SEV_OFF);
  mr_policy_free(p);
}

/* A chain: top/child/policy.yaml extends ../base.yaml, which extends strict.
** Each file's globs are relative to its own folder. */
static void extends_a_file(void **state) {
  (void)state;
  write_file("top/base.yaml",
             "version: 1\n"
             "extends: strict\n"
             "severity: note\n"
             "exclude: [gen/**]\n"
             "allocators:\n  - preset: git\n"
             "hot:\n  files: [engine/**]\n  functions: [\"*_fast\"]\n"
             "log-functions: [log_base]\n"
             "overrides:\n"
             "  - files: [tests/**]\n    rules: { alloc-in-loop: off }\n"
             "baseline: base.json\n"
             "report-unused-suppressions: true\n",
             (size_t)-1);
  const char *child = write_file(
      "top/child/policy.yaml",
      "version: 1\n"
      "extends: ../base.yaml\n"
      "rules:\n  realloc-leak: error\n  alloc-in-loop: {}\n"
      "exclude: [gen/**]\n"
      "allocators:\n  - alloc: [my_alloc]\n    free: [my_free]\n"
      "log-functions: [log_child]\n"
      "overrides:\n"
      "  - files: [../tests/**]\n    rules: { alloc-in-loop: error }\n",
      (size_t)-1);
  mr_policy *p = must_load(child);
  assert_string_equal(mr_policy_file(p), child);
  /* Every file read, for the dependency file: the policy, then its base. */
  assert_int_equal(mr_policy_source_count(p), 2);
  assert_string_equal(mr_policy_source(p, 0), child);
  const char *base = mr_policy_source(p, 1);
  const char *tail = "/top/base.yaml";
  assert_true(strlen(base) > strlen(tail));
  assert_string_equal(base + strlen(base) - strlen(tail), tail);
  mr_settings s = settings(p, "top/src/a.c");
  assert_int_equal(s.rule[MR_RULE_STRUCT_PADDING].severity, MR_SEV_NOTE);
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity, MR_SEV_NOTE);
  assert_int_equal(s.rule[MR_RULE_REALLOC_LEAK].severity, MR_SEV_ERROR);
  assert_int_equal(s.option[MR_OPTION_STRUCT_PADDING_MIN_BYTES], 8);
  /* Base override first, then the child's: the child's wins. */
  s = settings(p, "top/tests/a.c");
  assert_int_equal(s.rule[MR_RULE_ALLOC_IN_LOOP].severity, MR_SEV_ERROR);

  assert_true(mr_policy_is_excluded(p, path_in("top/gen/x.c")));
  assert_true(mr_policy_is_excluded(p, path_in("top/child/gen/x.c")));
  assert_false(mr_policy_is_excluded(p, path_in("top/child/x.c")));
  assert_true(mr_policy_is_hot_file(p, path_in("top/engine/x.c")));
  assert_false(mr_policy_is_hot_file(p, path_in("top/child/engine/x.c")));
  assert_true(mr_policy_is_hot_function(p, "copy_fast"));
  assert_true(mr_policy_is_log_function(p, "log_base"));
  assert_true(mr_policy_is_log_function(p, "log_child"));

  assert_int_equal(mr_policy_allocator_family_count(p), 2);
  assert_string_equal(mr_policy_allocator_family(p, 0)->name, "git");
  assert_string_equal(mr_policy_allocator_family(p, 1)->alloc[0], "my_alloc");
  assert_string_equal(mr_policy_baseline(p), path_in("top/base.json"));
  assert_true(mr_policy_reports_unused_suppressions(p));
  mr_policy_free(p);
}

static void later_files_replace_scalars(void **state) {
  (void)state;
  write_file("repl/base.yaml",
             "version: 1\nbaseline: b.json\nreport-unused-suppressions: true\n",
             (size_t)-1);
  mr_policy *p = must_load(write_file(
      "repl/sub/p.yaml",
      "version: 1\nextends: ../base.yaml\nbaseline: mine.json\n"
      "report-unused-suppressions: false\n",
      (size_t)-1));
  assert_string_equal(mr_policy_baseline(p), path_in("repl/sub/mine.json"));
  assert_false(mr_policy_reports_unused_suppressions(p));
  mr_policy_free(p);
}

static void extends_errors(void **state) {
  (void)state;
  expect_error("version: 1\nextends: nothere.yaml\n", 2, 10,
               "cannot read 'nothere.yaml': No such file or directory");
  make_dir("adir.d");
  expect_error("version: 1\nextends: adir.d\n", 2, 10,
               "cannot read 'adir.d': is a directory");
  expect_error("version: 1\nextends: [strict]\n", 2, 10,
               "expected a string for 'extends', got a list");

  /* An error inside the base names the base file. */
  write_file("broken.yaml", "version: 1\nrules:\n  nope: off\n", (size_t)-1);
  mr_error err;
  assert_null(load_yaml("version: 1\nextends: broken.yaml\n", &err));
  assert_string_equal(err.file, path_in("broken.yaml"));
  assert_int_equal(err.line, 3);
  assert_int_equal(err.column, 3);
}

static void extends_cycles(void **state) {
  (void)state;
  write_file("cyc/a.yaml", "version: 1\nextends: b.yaml\n", (size_t)-1);
  write_file("cyc/b.yaml", "version: 1\n\nextends: ./a.yaml\n", (size_t)-1);
  mr_error err;
  assert_null(mr_policy_load_file(path_in("cyc/a.yaml"), &err));
  assert_string_equal(err.file, path_in("cyc/b.yaml"));
  assert_int_equal(err.line, 3);
  assert_int_equal(err.column, 10);
  char a[1024], want[2048];
  snprintf(a, sizeof a, "%s", path_in("cyc/a.yaml"));
  snprintf(want, sizeof want, "extends cycle: %s -> %s -> ./a.yaml", a,
           path_in("cyc/b.yaml"));
  assert_string_equal(err.message, want);

  write_file("cyc/self.yaml", "version: 1\nextends: self.yaml\n", (size_t)-1);
  assert_null(mr_policy_load_file(path_in("cyc/self.yaml"), &err));
  assert_int_equal(err.line, 2);
  assert_non_null(strstr(err.message, "self.yaml -> self.yaml"));

  /* A diamond is not a cycle: two files may extend the same base. */
  write_file("dia/base.yaml", "version: 1\nlog-functions: [lg]\n", (size_t)-1);
  write_file("dia/mid.yaml", "version: 1\nextends: base.yaml\n", (size_t)-1);
  mr_policy *p = must_load(
      write_file("dia/top.yaml", "version: 1\nextends: mid.yaml\n", (size_t)-1));
  assert_true(mr_policy_is_log_function(p, "lg"));
  mr_policy_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(recommended_is_the_default),
      cmocka_unit_test(strict_and_none),
      cmocka_unit_test(a_map_turns_a_rule_on),
      cmocka_unit_test(top_level_severity),
      cmocka_unit_test(version_pins_the_rule_set),
      cmocka_unit_test(overrides_apply_in_order),
      cmocka_unit_test(extends_a_file),
      cmocka_unit_test(later_files_replace_scalars),
      cmocka_unit_test(extends_errors),
      cmocka_unit_test(extends_cycles),
  };
  return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
