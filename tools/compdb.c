#include "compdb.h"

#include "shell_words.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *join_path(const char *dir, const char *name) {
  if (name[0] == '/') return strdup(name);
  size_t n = strlen(dir);
  char *out = malloc(n + strlen(name) + 2);
  if (!out) return NULL;
  sprintf(out, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
  return out;
}

static char **strings_of(json_t *array, const char **error) {
  size_t n = json_array_size(array);
  char **argv = calloc(n + 1, sizeof *argv);
  if (!argv) return *error = "out of memory", NULL;
  for (size_t i = 0; i < n; i++) {
    const char *s = json_string_value(json_array_get(array, i));
    if (!s || !(argv[i] = strdup(s))) {
      mr_words_free(argv);
      return *error = s ? "out of memory" : "\"arguments\" holds a non-string",
             NULL;
    }
  }
  return argv;
}

/* Fills E from one JSON object; on error sets *error and returns -1. */
static int read_entry(json_t *object, struct mr_compdb_entry *e,
                      const char **error) {
  const char *directory = json_string_value(json_object_get(object, "directory"));
  const char *file = json_string_value(json_object_get(object, "file"));
  json_t *arguments = json_object_get(object, "arguments");
  const char *command = json_string_value(json_object_get(object, "command"));
  if (!directory || !file)
    return *error = "needs string fields \"directory\" and \"file\"", -1;
  if (json_is_array(arguments))
    e->argv = strings_of(arguments, error);
  else if (command)
    e->argv = mr_shell_split(command, error);
  else
    return *error = "needs \"arguments\" (a list) or \"command\" (a string)", -1;
  if (!e->argv) return -1;
  if (!e->argv[0]) return *error = "has an empty command", -1;
  e->directory = strdup(directory);
  e->file = join_path(directory, file);
  if (!e->directory || !e->file) return *error = "out of memory", -1;
  return 0;
}

static void free_entry(struct mr_compdb_entry *e) {
  free(e->directory);
  free(e->file);
  mr_words_free(e->argv);
}

static int read_entries(json_t *root, struct mr_compdb *db) {
  if (!json_is_array(root)) {
    fprintf(stderr, "memrules run: %s: error: not a JSON list of compile commands\n",
            db->path);
    return -1;
  }
  db->entries = calloc(json_array_size(root) + 1, sizeof *db->entries);
  if (!db->entries) return -1;
  size_t i;
  json_t *object;
  json_array_foreach(root, i, object) {
    const char *error = "is not a JSON object";
    if (!json_is_object(object) || read_entry(object, &db->entries[i], &error) < 0) {
      free_entry(&db->entries[i]);
      fprintf(stderr, "memrules run: %s: error: entry %zu %s\n", db->path, i + 1,
              error);
      return -1;
    }
    db->count = i + 1;
  }
  return 0;
}

int mr_compdb_load(const char *path, struct mr_compdb *db) {
  struct stat st;
  memset(db, 0, sizeof *db);
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    db->path = join_path(path, "compile_commands.json");
  else
    db->path = strdup(path);
  if (!db->path) return -1;
  json_error_t error;
  json_t *root = json_load_file(db->path, 0, &error);
  if (!root) {
    if (error.line > 0)
      fprintf(stderr, "memrules run: %s:%d:%d: error: %s\n", db->path,
              error.line, error.column, error.text);
    else /* could not read it at all */
      fprintf(stderr, "memrules run: %s: error: %s\n", db->path, error.text);
    return -1;
  }
  int status = read_entries(root, db);
  json_decref(root);
  return status;
}

void mr_compdb_free(struct mr_compdb *db) {
  for (size_t i = 0; i < db->count; i++) free_entry(&db->entries[i]);
  free(db->entries);
  free(db->path);
  memset(db, 0, sizeof *db);
}
