/* Globs, path resolution and policy discovery. */
#include "helpers.h"
#include "policy_internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int matches(const char *base, const char *pattern, const char *path) {
  assert_null(mr_glob_problem(pattern, 1));
  mr_globs g = {0};
  assert_true(mr_globs_add(&g, base, pattern));
  int m = mr_globs_match(&g, path);
  mr_globs_free(&g);
  return m;
}

static void glob_problems(void **state) {
  (void)state;
  assert_string_equal(mr_glob_problem("", 1), "empty glob");
  assert_string_equal(mr_glob_problem("src/[ab", 1), "unbalanced '[' in glob");
  assert_string_equal(mr_glob_problem("[a/b]", 1), "unbalanced '[' in glob");
  assert_string_equal(mr_glob_problem("[]", 1), "unbalanced '[' in glob");
  assert_string_equal(mr_glob_problem("a\\", 1),
                      "a glob cannot end with a backslash");
  assert_non_null(mr_glob_problem("a**b", 1));
  assert_non_null(mr_glob_problem("**b", 1));
  assert_non_null(mr_glob_problem("a/***", 1));
  assert_null(mr_glob_problem("**", 1));
  assert_null(mr_glob_problem("a/**/b/**", 1));
  assert_null(mr_glob_problem("[]]", 1));
  assert_null(mr_glob_problem("[!]a]", 1));
  assert_null(mr_glob_problem("\\[x", 1));
  assert_null(mr_glob_problem("a**b", 0)); /* function names: no segments */
  assert_non_null(mr_glob_problem("f[", 0));
}

static void star_and_class_stay_in_a_segment(void **state) {
  (void)state;
  assert_true(matches("/p", "*.c", "/p/a.c"));
  assert_false(matches("/p", "*.c", "/p/src/a.c"));
  assert_true(matches("/p", "src/*.c", "/p/src/a.c"));
  assert_false(matches("/p", "src/*.c", "/p/src/x/a.c"));
  assert_false(matches("/p", "a?c", "/p/a/c"));
  assert_true(matches("/p", "a?c", "/p/abc"));
  assert_true(matches("/p", "[ab].c", "/p/b.c"));
  assert_false(matches("/p", "[ab].c", "/p/c.c"));
  assert_false(matches("/p", "*.c", "/p/src.h/a.h"));
  assert_true(matches("/p", "\\[x].c", "/p/[x].c"));
  assert_true(matches("/p", "*", "/p/.hidden"));
}

static void double_star_spans_segments(void **state) {
  (void)state;
  assert_true(matches("/p", "**", "/p/a/b/c.c"));
  assert_true(matches("/p", "**/*.c", "/p/a.c"));
  assert_true(matches("/p", "**/*.c", "/p/x/y/a.c"));
  assert_false(matches("/p", "**/*.c", "/p/x/y/a.h"));
  assert_true(matches("/p", "src/**/test/*.c", "/p/src/test/a.c"));
  assert_true(matches("/p", "src/**/test/*.c", "/p/src/a/b/test/a.c"));
  assert_false(matches("/p", "src/**/test/*.c", "/p/src/a/b/tests/a.c"));
  assert_true(matches("/p", "third_party/**", "/p/third_party/z/z.c"));
  assert_false(matches("/p", "third_party/**", "/p/third_partyx/z.c"));
  assert_true(matches("/p", "**/**/x/**/**", "/p/x/a.c"));
}

static void a_folder_covers_what_is_below_it(void **state) {
  (void)state;
  assert_true(matches("/p", "third_party", "/p/third_party/z/z.c"));
  assert_true(matches("/p", "legacy/", "/p/legacy/a.c"));
  assert_true(matches("/p", ".", "/p/anything.c"));
  assert_false(matches("/p", "third_party", "/p/src/third_party/a.c"));
  assert_true(matches("/p", "*_gen", "/p/proto_gen/a.c"));
}

static void paths_outside_the_base_never_match(void **state) {
  (void)state;
  assert_false(matches("/p/q", "**", "/p/a.c"));
  assert_false(matches("/p/q", "*.c", "/p/qq/a.c"));
  assert_false(matches("/p/q", "**", "/p/q"));
  assert_true(matches("/p/q", "../shared/*.c", "/p/shared/a.c"));
  assert_false(matches("/p/q", "../shared/*.c", "/p/q/shared/a.c"));
  assert_true(matches("/p/q", "/usr/include/**", "/usr/include/stdio.h"));
  assert_false(matches("/p/q", "/usr/include/**", "/p/q/usr/include/a.h"));
  assert_true(matches("/", "usr/**", "/usr/lib/x"));
  assert_true(matches("/p", "./src/../lib/*.c", "/p/lib/a.c"));
}

static void normalise(const char *in, const char *want) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", in);
  mr_path_normalise(buf);
  assert_string_equal(buf, want);
}

static void lexical_normalisation(void **state) {
  (void)state;
  normalise("/", "/");
  normalise("/a/b/../c", "/a/c");
  normalise("/a/./b//c/", "/a/b/c");
  normalise("/../..", "/");
  normalise("/a/b/c/../../..", "/");
  normalise("/a/..b/.c", "/a/..b/.c");
  char *j = mr_path_join("/p/q", "../r/./s.c");
  assert_string_equal(j, "/p/r/s.c");
  free(j);
  j = mr_path_join("/p/q", "/abs/x");
  assert_string_equal(j, "/abs/x");
  free(j);
}

static void relative_paths_use_the_current_directory(void **state) {
  (void)state;
  char cwd[PATH_MAX];
  assert_non_null(getcwd(cwd, sizeof cwd));
  make_dir("rel/src");
  const char *policy = write_file("rel/p.yaml",
                                  "version: 1\nexclude: [\"src/*.c\"]\n",
                                  (size_t)-1);
  mr_error err;
  mr_policy *p = mr_policy_load_file(policy, &err);
  assert_non_null(p);
  assert_int_equal(chdir(path_in("rel")), 0);
  assert_true(mr_policy_is_excluded(p, "src/a.c"));      /* does not exist */
  assert_true(mr_policy_is_excluded(p, "./x/../src/b.c"));
  assert_false(mr_policy_is_excluded(p, "a.c"));
  assert_int_equal(chdir("src"), 0);
  assert_true(mr_policy_is_excluded(p, "c.c"));
  assert_true(mr_policy_is_excluded(p, "../src/c.c"));
  assert_int_equal(chdir(cwd), 0);
  mr_policy_free(p);
}

/* A checkout reached through a symlink: the policy's folder and the source
** both resolve to the real path when they exist. */
static void symlinked_checkouts_match(void **state) {
  (void)state;
  write_file("real/src/a.c", "int x;\n", (size_t)-1);
  write_file("real/.memrules.yaml",
             "version: 1\nexclude: [src/**]\nhot:\n  files: [src/a.c]\n",
             (size_t)-1);
  char link[PATH_MAX];
  snprintf(link, sizeof link, "%s", path_in("link"));
  assert_int_equal(symlink(path_in("real"), link), 0);
  char via_link[PATH_MAX + 32];
  snprintf(via_link, sizeof via_link, "%s/.memrules.yaml", link);
  mr_error err;
  mr_policy *p = mr_policy_load_file(via_link, &err);
  assert_non_null(p);
  snprintf(via_link, sizeof via_link, "%s/src/a.c", link);
  assert_true(mr_policy_is_excluded(p, via_link));
  assert_true(mr_policy_is_hot_file(p, via_link));
  assert_true(mr_policy_is_excluded(p, path_in("real/src/a.c")));
  mr_policy_free(p);
}

static void hot_functions_are_name_globs(void **state) {
  (void)state;
  mr_error err;
  mr_policy *p = load_yaml("version: 1\nhot:\n  functions: [\"*_hot\", "
                           "\"ns::*\", \"parse_[ab]\"]\n",
                           &err);
  assert_non_null(p);
  assert_true(mr_policy_is_hot_function(p, "x_hot"));
  assert_true(mr_policy_is_hot_function(p, "ns::inner::f"));
  assert_true(mr_policy_is_hot_function(p, "parse_b"));
  assert_false(mr_policy_is_hot_function(p, "parse_c"));
  assert_false(mr_policy_is_hot_function(p, "hot_x"));
  mr_policy_free(p);
}

static void discovery_walks_up(void **state) {
  (void)state;
  char found[PATH_MAX];
  char want[PATH_MAX];
  write_file("disc/.memrules.yaml", "version: 1\n", (size_t)-1);
  write_file("disc/a/b/c.c", "int x;\n", (size_t)-1);
  snprintf(want, sizeof want, "%s", path_in("disc/.memrules.yaml"));
  assert_true(mr_policy_discover(path_in("disc/a/b/c.c"), found, sizeof found));
  assert_string_equal(found, want);
  /* A file that does not exist yet still has a folder to start from. */
  assert_true(mr_policy_discover(path_in("disc/a/new.c"), found, sizeof found));
  assert_string_equal(found, want);

  /* The nearest wins. */
  write_file("disc/a/.memrules.yaml", "version: 1\n", (size_t)-1);
  snprintf(want, sizeof want, "%s", path_in("disc/a/.memrules.yaml"));
  assert_true(mr_policy_discover(path_in("disc/a/b/c.c"), found, sizeof found));
  assert_string_equal(found, want);

  /* Anything called .memrules.yaml counts, even a folder: loading it then
  ** says "is a directory". Skipping it would silently apply the policy
  ** further up. */
  char dir[PATH_MAX];
  make_dir("disc/a/b/.memrules.yaml");
  snprintf(dir, sizeof dir, "%s", path_in("disc/a/b/.memrules.yaml"));
  assert_true(mr_policy_discover(path_in("disc/a/b/c.c"), found, sizeof found));
  assert_string_equal(found, dir);
  assert_int_equal(rmdir(dir), 0);

  /* Relative to the current directory. */
  char cwd[PATH_MAX];
  assert_non_null(getcwd(cwd, sizeof cwd));
  assert_int_equal(chdir(path_in("disc/a/b")), 0);
  assert_true(mr_policy_discover("c.c", found, sizeof found));
  assert_string_equal(found, want);
  assert_int_equal(chdir(cwd), 0);

  /* Too small a buffer finds nothing rather than a truncated path. */
  assert_false(mr_policy_discover(path_in("disc/a/b/c.c"), found, 8));
}

static void discovery_without_a_policy(void **state) {
  (void)state;
  if (access("/.memrules.yaml", F_OK) == 0 ||
      access("/tmp/.memrules.yaml", F_OK) == 0)
    skip();
  write_file("none/x/y.c", "int x;\n", (size_t)-1);
  char found[PATH_MAX];
  assert_false(mr_policy_discover(path_in("none/x/y.c"), found, sizeof found));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(glob_problems),
      cmocka_unit_test(star_and_class_stay_in_a_segment),
      cmocka_unit_test(double_star_spans_segments),
      cmocka_unit_test(a_folder_covers_what_is_below_it),
      cmocka_unit_test(paths_outside_the_base_never_match),
      cmocka_unit_test(lexical_normalisation),
      cmocka_unit_test(relative_paths_use_the_current_directory),
      cmocka_unit_test(symlinked_checkouts_match),
      cmocka_unit_test(hot_functions_are_name_globs),
      cmocka_unit_test(discovery_walks_up),
      cmocka_unit_test(discovery_without_a_policy),
  };
  return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
