/*
** Small helpers of the policy library: growable arrays, string lists and
** path normalisation.
*/
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "policy_internal.h"

int mr_grow(void *array, size_t *capacity, size_t count, size_t elem_size) {
  void **p = (void **)array;
  if (count < *capacity) return 1;
  size_t want = *capacity ? *capacity * 2 : 8;
  void *grown = realloc(*p, want * elem_size);
  if (!grown) return 0;
  *p = grown;
  *capacity = want;
  return 1;
}

int mr_strings_push(mr_strings *list, const char *s) {
  char *copy = strdup(s);
  if (!copy ||
      !mr_grow(&list->item, &list->capacity, list->count, sizeof(char *))) {
    free(copy);
    return 0;
  }
  list->item[list->count++] = copy;
  return 1;
}

void mr_strings_free(mr_strings *list) {
  for (size_t i = 0; i < list->count; i++) free(list->item[i]);
  free(list->item);
  list->item = NULL;
  list->count = list->capacity = 0;
}

/* Rewrite an absolute path in place: drop empty and '.' segments, let '..'
** remove the segment before it ('/..' is '/'), no trailing '/'. */
void mr_path_normalise(char *path) {
  char *out = path + 1; /* next write position, always <= in */
  const char *in = path;
  for (;;) {
    while (*in == '/') in++;
    if (!*in) break;
    const char *end = in;
    while (*end && *end != '/') end++;
    size_t len = (size_t)(end - in);
    int last = *end == '\0'; /* the '/' written below may land on it */
    if (len == 2 && in[0] == '.' && in[1] == '.') {
      if (out > path + 1) {
        out--; /* the '/' after the last segment */
        while (out > path + 1 && out[-1] != '/') out--;
      }
    } else if (!(len == 1 && in[0] == '.')) {
      memmove(out, in, len);
      out += len;
      *out++ = '/';
    }
    if (last) break;
    in = end;
  }
  if (out > path + 1) out--; /* the trailing '/' */
  *out = '\0';
}

char *mr_path_join(const char *dir, const char *path) {
  if (path[0] == '/') dir = "";
  size_t n = strlen(dir), m = strlen(path);
  char *joined = malloc(n + m + 2);
  if (!joined) return NULL;
  memcpy(joined, dir, n);
  joined[n] = '/';
  memcpy(joined + n + 1, path, m + 1);
  mr_path_normalise(joined);
  return joined;
}

char *mr_path_resolve(const char *path) {
  char *real = realpath(path, NULL);
  if (real) return real;
  if (path[0] == '/') return mr_path_join("", path);
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) return NULL;
  return mr_path_join(cwd, path);
}
