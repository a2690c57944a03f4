/* Allocator presets: each loads, with the families and never-null flags
** its library's documentation gives. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

static mr_policy *with_preset(const char *name) {
  char yaml[128];
  snprintf(yaml, sizeof yaml, "version: 1\nallocators:\n  - preset: %s\n", name);
  mr_error err;
  mr_policy *p = load_yaml(yaml, &err);
  if (!p) fail_msg("%s: %s", name, err.message);
  return p;
}

static int has(const char *const *names, size_t n, const char *name) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(names[i], name) == 0) return 1;
  return 0;
}

/* The family of the policy that allocates with fn, or NULL. */
static const mr_allocator_family *family_of(const mr_policy *p,
                                            const char *fn) {
  for (size_t i = 0; i < mr_policy_allocator_family_count(p); i++) {
    const mr_allocator_family *f = mr_policy_allocator_family(p, i);
    if (has(f->alloc, f->alloc_count, fn)) return f;
  }
  return NULL;
}

static void expect_family(const mr_policy *p, const char *preset,
                          const char *const *allocs, const char *release,
                          int never_null) {
  for (; *allocs; allocs++) {
    const mr_allocator_family *f = family_of(p, *allocs);
    if (!f) fail_msg("%s: no family allocates with %s", preset, *allocs);
    assert_string_equal(f->name, preset);
    if (!has(f->release, f->release_count, release))
      fail_msg("%s: %s is not released by %s", preset, *allocs, release);
    assert_int_equal(f->never_null, never_null);
  }
}

static void glib(void **state) {
  (void)state;
  mr_policy *p = with_preset("glib");
  const char *abort_on_oom[] = {"g_malloc", "g_malloc0", "g_realloc",
                                "g_malloc_n", "g_malloc0_n", "g_strdup",
                                "g_strndup", "g_memdup2", NULL};
  expect_family(p, "glib", abort_on_oom, "g_free", 1);
  const char *may_fail[] = {"g_try_malloc", "g_try_realloc", NULL};
  expect_family(p, "glib", may_fail, "g_free", 0);
  mr_policy_free(p);
}

static void sqlite3(void **state) {
  (void)state;
  mr_policy *p = with_preset("sqlite3");
  assert_int_equal(mr_policy_allocator_family_count(p), 2);
  const char *api[] = {"sqlite3_malloc", "sqlite3_malloc64", "sqlite3_realloc",
                       "sqlite3_realloc64", "sqlite3_mprintf",
                       "sqlite3_vmprintf", "sqlite3MallocZero", NULL};
  expect_family(p, "sqlite3", api, "sqlite3_free", 0);
  const char *db[] = {"sqlite3DbMallocRaw", "sqlite3DbMallocZero",
                      "sqlite3DbStrDup", "sqlite3DbStrNDup", "sqlite3MPrintf",
                      NULL};
  expect_family(p, "sqlite3", db, "sqlite3DbFree", 0);
  expect_family(p, "sqlite3", db, "sqlite3DbFreeNN", 0);
  /* The two families do not mix. */
  const mr_allocator_family *f = family_of(p, "sqlite3_malloc");
  assert_false(has(f->release, f->release_count, "sqlite3DbFree"));
  f = family_of(p, "sqlite3DbMallocRaw");
  assert_false(has(f->release, f->release_count, "sqlite3_free"));
  mr_policy_free(p);
}

static void redis(void **state) {
  (void)state;
  mr_policy *p = with_preset("redis");
  const char *z[] = {"zmalloc", "zcalloc", "zrealloc", "zstrdup", NULL};
  expect_family(p, "redis", z, "zfree", 1);
  const char *ztry[] = {"ztrymalloc", "ztrycalloc", "ztryrealloc", NULL};
  expect_family(p, "redis", ztry, "zfree", 0);
  mr_policy_free(p);
}

static void postgres_git_talloc(void **state) {
  (void)state;
  mr_policy *p = with_preset("postgres");
  const char *pg[] = {"palloc", "palloc0", "pstrdup", "repalloc", NULL};
  expect_family(p, "postgres", pg, "pfree", 1);
  mr_policy_free(p);

  p = with_preset("git");
  const char *git[] = {"xmalloc", "xcalloc", "xrealloc", "xstrdup", "xstrndup",
                       "xmemdupz", NULL};
  expect_family(p, "git", git, "free", 1);
  mr_policy_free(p);

  p = with_preset("talloc");
  const char *talloc[] = {"talloc_size", "talloc_zero_size", "talloc_strdup",
                          "talloc_asprintf", "talloc_array_size", NULL};
  expect_family(p, "talloc", talloc, "talloc_free", 0);
  mr_policy_free(p);
}

static void presets_and_families_keep_their_order(void **state) {
  (void)state;
  mr_error err;
  mr_policy *p = load_yaml("version: 1\nallocators:\n  - preset: git\n"
                           "  - alloc: [pool_get]\n    free: [pool_put]\n"
                           "  - preset: redis\n",
                           &err);
  assert_non_null(p);
  assert_int_equal(mr_policy_allocator_family_count(p), 4);
  assert_string_equal(mr_policy_allocator_family(p, 0)->name, "git");
  assert_string_equal(mr_policy_allocator_family(p, 1)->name, "policy");
  assert_string_equal(mr_policy_allocator_family(p, 2)->name, "redis");
  assert_string_equal(mr_policy_allocator_family(p, 3)->name, "redis");
  mr_policy_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(glib),
      cmocka_unit_test(sqlite3),
      cmocka_unit_test(redis),
      cmocka_unit_test(postgres_git_talloc),
      cmocka_unit_test(presets_and_families_keep_their_order),
  };
  return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
