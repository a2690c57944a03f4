/*
** libFuzzer target for the compilation-database reader of `memrules run`:
** every input is written as compile_commands.json in a private directory and
** loaded through the directory, as `memrules run BUILD-DIR` does. Whatever
** the bytes, it must not crash, leak or hang; a database it accepts has, for
** every entry, a directory, a file and a non-empty command.
*/
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compdb.h"

static char dir[] = "/tmp/memrules-compdb-fuzz-XXXXXX";
static char db_path[64];

static void write_input(const uint8_t *data, size_t size) {
  if (!db_path[0]) {
    if (!mkdtemp(dir))
      abort();
    snprintf(db_path, sizeof db_path, "%s/compile_commands.json", dir);
  }
  FILE *f = fopen(db_path, "wb");
  if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  write_input(data, size);
  struct mr_compdb db;
  if (mr_compdb_load(dir, &db) == 0) {
    assert(strcmp(db.path, db_path) == 0);
    for (size_t i = 0; i < db.count; i++) {
      const struct mr_compdb_entry *e = &db.entries[i];
      assert(e->directory && e->file && e->argv && e->argv[0]);
      /* A relative "file" is taken relative to "directory". */
      if (e->directory[0] == '/')
        assert(e->file[0] == '/');
    }
  }
  mr_compdb_free(&db);
  return 0;
}
