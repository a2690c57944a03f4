/*
** Built-in allocator families of common C libraries (`allocators: - preset:
** NAME`). Real projects allocate almost only through such wrappers; listing
** them here spares every project from writing them out. Where a library's
** allocator is a macro, the function it expands to is listed beside it,
** since the plugin sees calls after preprocessing.
*/
#include "policy_internal.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define FAMILY(name, alloc, release, never_null) \
  {name, alloc, COUNT(alloc), release, COUNT(release), never_null}

/* glib: g_malloc and friends abort on OOM; the g_try_ ones return NULL.
** g_new/g_new0/g_renew expand to g_malloc_n/g_malloc0_n/g_realloc_n (or to
** g_malloc/g_malloc0/g_realloc when the size is a constant). */
static const char *const glib_alloc[] = {
    "g_malloc",   "g_malloc0", "g_realloc", "g_malloc_n", "g_malloc0_n",
    "g_realloc_n", "g_strdup", "g_strndup", "g_memdup",   "g_memdup2",
    "g_strdup_printf", "g_strdup_vprintf", "g_strconcat"};
static const char *const glib_try_alloc[] = {
    "g_try_malloc",   "g_try_malloc0",   "g_try_realloc",
    "g_try_malloc_n", "g_try_malloc0_n", "g_try_realloc_n"};
static const char *const glib_release[] = {"g_free"};
static const mr_allocator_family glib[] = {
    FAMILY("glib", glib_alloc, glib_release, 1),
    FAMILY("glib", glib_try_alloc, glib_release, 0),
};

/* SQLite: the public sqlite3_ API family, freed by sqlite3_free, and the
** connection-bound internal family, freed by sqlite3DbFree (or
** sqlite3DbFreeNN when the pointer is known non-NULL). Both return NULL on
** OOM. */
static const char *const sqlite3_alloc[] = {
    "sqlite3_malloc",  "sqlite3_malloc64", "sqlite3_realloc",
    "sqlite3_realloc64", "sqlite3_mprintf", "sqlite3_vmprintf",
    "sqlite3Malloc",   "sqlite3MallocZero"};
static const char *const sqlite3_release[] = {"sqlite3_free"};
static const char *const sqlite3_db_alloc[] = {
    "sqlite3DbMallocRaw", "sqlite3DbMallocRawNN", "sqlite3DbMallocZero",
    "sqlite3DbRealloc",   "sqlite3DbStrDup",      "sqlite3DbStrNDup",
    "sqlite3MPrintf",     "sqlite3VMPrintf"};
static const char *const sqlite3_db_release[] = {"sqlite3DbFree",
                                                 "sqlite3DbFreeNN"};
static const mr_allocator_family sqlite3[] = {
    FAMILY("sqlite3", sqlite3_alloc, sqlite3_release, 0),
    FAMILY("sqlite3", sqlite3_db_alloc, sqlite3_db_release, 0),
};

/* Redis (zmalloc.h): z* abort on OOM through zmalloc_oom_handler; the
** ztry* variants return NULL. */
static const char *const redis_alloc[] = {
    "zmalloc",        "zcalloc",        "zrealloc",        "zstrdup",
    "zmalloc_usable", "zcalloc_usable", "zrealloc_usable", "zmalloc_no_tcache"};
static const char *const redis_try_alloc[] = {
    "ztrymalloc",        "ztrycalloc",        "ztryrealloc",
    "ztrymalloc_usable", "ztrycalloc_usable", "ztryrealloc_usable"};
static const char *const redis_release[] = {"zfree", "zfree_usable",
                                            "zfree_no_tcache"};
static const mr_allocator_family redis[] = {
    FAMILY("redis", redis_alloc, redis_release, 1),
    FAMILY("redis", redis_try_alloc, redis_release, 0),
};

/* PostgreSQL: palloc and friends ereport(ERROR) on OOM, so never NULL. */
static const char *const postgres_alloc[] = {
    "palloc",  "palloc0",  "pstrdup",          "pnstrdup",
    "psprintf", "repalloc", "MemoryContextAlloc", "MemoryContextAllocZero",
    "MemoryContextStrdup"};
static const char *const postgres_release[] = {"pfree"};
static const mr_allocator_family postgres[] = {
    FAMILY("postgres", postgres_alloc, postgres_release, 1),
};

/* git (wrapper.h): the x* wrappers die() on OOM and pair with plain free
** (FREE_AND_NULL expands to it). */
static const char *const git_alloc[] = {"xmalloc",  "xmallocz", "xcalloc",
                                        "xrealloc", "xstrdup",  "xstrndup",
                                        "xmemdupz"};
static const char *const git_release[] = {"free"};
static const mr_allocator_family git[] = {
    FAMILY("git", git_alloc, git_release, 1),
};

/* talloc: most entry points are macros; the functions they expand to are
** listed too (talloc_size -> talloc_named_const, talloc_zero_size ->
** _talloc_zero, talloc_array_size -> _talloc_array, talloc_free ->
** _talloc_free). talloc returns NULL on OOM. */
static const char *const talloc_alloc[] = {
    "talloc_size",      "talloc_zero_size", "talloc_array_size",
    "talloc_named_const", "_talloc_zero",   "_talloc_array",
    "talloc_strdup",    "talloc_strndup",   "talloc_asprintf",
    "talloc_named"};
static const char *const talloc_release[] = {"talloc_free", "_talloc_free"};
static const mr_allocator_family talloc[] = {
    FAMILY("talloc", talloc_alloc, talloc_release, 0),
};

const mr_preset mr_presets[] = {
    {"glib", glib, COUNT(glib)},
    {"sqlite3", sqlite3, COUNT(sqlite3)},
    {"redis", redis, COUNT(redis)},
    {"postgres", postgres, COUNT(postgres)},
    {"git", git, COUNT(git)},
    {"talloc", talloc, COUNT(talloc)},
};
const size_t mr_preset_count = COUNT(mr_presets);
_Static_assert(COUNT(mr_presets) <= MR_PRESET_MAX, "raise MR_PRESET_MAX");
