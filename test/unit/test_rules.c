/* The rule table and name lookup with suggestions. */
#include "helpers.h"

#include <string.h>

static void rule_lookup_finds_every_rule(void **state) {
  (void)state;
  assert_int_equal(mr_rule_lookup("alloc-in-loop"), MR_RULE_ALLOC_IN_LOOP);
  assert_int_equal(mr_rule_lookup("realloc-leak"), MR_RULE_REALLOC_LEAK);
  assert_int_equal(mr_rule_lookup("struct-padding"), MR_RULE_STRUCT_PADDING);
  assert_int_equal(mr_rule_lookup("alloc-in-lop"), -1);
  assert_int_equal(mr_rule_lookup(""), -1);
}

static void option_lookup_is_per_rule(void **state) {
  (void)state;
  assert_int_equal(mr_option_lookup(MR_RULE_STRUCT_PADDING, "min-bytes"),
                   MR_OPTION_STRUCT_PADDING_MIN_BYTES);
  assert_int_equal(
      mr_option_lookup(MR_RULE_STRUCT_PADDING, "min-bytes-in-arrays"),
      MR_OPTION_STRUCT_PADDING_MIN_BYTES_IN_ARRAYS);
  assert_int_equal(mr_option_lookup(MR_RULE_ALLOC_IN_LOOP, "min-bytes"), -1);
  assert_int_equal(mr_option_lookup(MR_RULE_STRUCT_PADDING, "min"), -1);
}

static void suggestions_are_close_names(void **state) {
  (void)state;
  assert_string_equal(mr_rule_suggest("alloc-in-lop"), "alloc-in-loop");
  assert_string_equal(mr_rule_suggest("alloc-in-lopo"), "alloc-in-loop");
  assert_string_equal(mr_rule_suggest("realoc-leak"), "realloc-leak");
  assert_string_equal(mr_rule_suggest("structpadding"), "struct-padding");
  assert_string_equal(mr_rule_suggest("Struct-Padding"), "struct-padding");
  assert_string_equal(mr_rule_suggest("leak-on-retrun"), "leak-on-return");
  assert_null(mr_rule_suggest("no-such-rule"));
  assert_null(mr_rule_suggest("x"));
}

static void closest_respects_the_distance_limit(void **state) {
  (void)state;
  const char *words[] = {"note", "warning", "error"};
  assert_string_equal(mr_closest("warnig", words, 3), "warning");
  assert_string_equal(mr_closest("eror", words, 3), "error");
  assert_string_equal(mr_closest("nte", words, 3), "note");
  /* 2 edits is always allowed, more only for long names (len/3): "warn"
  ** is 3 edits from "warning". */
  assert_null(mr_closest("warn", words, 3));
  assert_null(mr_closest("fatal", words, 3));
  const char *longer[] = {"report-unused-suppressions"};
  assert_string_equal(mr_closest("report-unused-supressions", longer, 1),
                      longer[0]);
  assert_string_equal(mr_closest("reportunusedsuppression", longer, 1),
                      longer[0]);
  assert_null(mr_closest("unused", longer, 1));
  assert_null(mr_closest("anything", NULL, 0));
}

static void severity_names(void **state) {
  (void)state;
  assert_string_equal(mr_severity_name(MR_SEV_OFF), "off");
  assert_string_equal(mr_severity_name(MR_SEV_NOTE), "note");
  assert_string_equal(mr_severity_name(MR_SEV_WARNING), "warning");
  assert_string_equal(mr_severity_name(MR_SEV_ERROR), "error");
}

static void table_is_consistent(void **state) {
  (void)state;
  for (int i = 0; i < MR_RULE_COUNT; i++) {
    assert_true(mr_rules[i].since >= 1);
    assert_true(mr_rules[i].since <= MR_RULESET_VERSION);
    assert_int_equal(mr_rule_lookup(mr_rules[i].id), i);
  }
  for (int i = 0; i < MR_OPTION_COUNT; i++) {
    const mr_option_info *o = &mr_options[i];
    assert_true(o->min <= o->def && o->def <= o->max);
    assert_true(o->min <= o->strict && o->strict <= o->max);
    assert_int_equal(mr_option_lookup(o->rule, o->name), i);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(rule_lookup_finds_every_rule),
      cmocka_unit_test(option_lookup_is_per_rule),
      cmocka_unit_test(suggestions_are_close_names),
      cmocka_unit_test(closest_respects_the_distance_limit),
      cmocka_unit_test(severity_names),
      cmocka_unit_test(table_is_consistent),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
