/*
** Path globs: '*', '?' and '[...]' within one path segment (fnmatch(3) with
** FNM_PATHNAME does the segment), '**' as a whole segment for zero or more
** segments. A glob matches a path, or any folder above it, relative to the
** glob's base folder: "third_party" alone covers everything below
** third_party/.
*/
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "policy_internal.h"

/* Find the ']' closing the class that starts at p[0] == '['; NULL if the
** segment ends first. A ']' right after '[' or '[!' / '[^' is a member. */
static const char *class_end(const char *p) {
  p++;
  if (*p == '!' || *p == '^') p++;
  if (*p == ']') p++;
  for (; *p && *p != '/'; p++) {
    if (*p == ']') return p;
  }
  return NULL;
}

const char *mr_glob_problem(const char *pattern, int path_glob) {
  if (pattern[0] == '\0') return "empty glob";
  for (const char *p = pattern; *p; p++) {
    if (*p == '\\') {
      if (p[1] == '\0') return "a glob cannot end with a backslash";
      p++;
    } else if (*p == '[') {
      const char *end = class_end(p);
      if (!end) return "unbalanced '[' in glob";
      p = end;
    } else if (path_glob && p[0] == '*' && p[1] == '*') {
      int starts = p == pattern || p[-1] == '/';
      int ends = p[2] == '\0' || p[2] == '/';
      if (!starts || !ends)
        return "'**' must be a whole path segment (like 'a/**/b')";
      p++;
    }
  }
  return NULL;
}

/* Append one segment to a glob; 0 on out-of-memory. */
static int push_segment(mr_glob *g, size_t *capacity, const char *s,
                        size_t len) {
  if (!mr_grow(&g->segment, capacity, g->segment_count, sizeof(char *)))
    return 0;
  char *copy = strndup(s, len);
  if (!copy) return 0;
  g->segment[g->segment_count++] = copy;
  return 1;
}

static void glob_free(mr_glob *g) {
  for (size_t i = 0; i < g->segment_count; i++) free(g->segment[i]);
  free(g->segment);
  free(g->base);
}

/* Split the pattern into segments, dropping '.' and empty ones. A '..' at
** the front moves the base folder up ("../shared/x.c"); elsewhere it removes
** the segment before it, as lexical path normalisation does. */
static int compile(mr_glob *g, const char *base, const char *pattern) {
  size_t capacity = 0;
  g->base = strdup(pattern[0] == '/' ? "/" : base);
  if (!g->base) return 0;
  const char *p = pattern;
  while (*p) {
    while (*p == '/') p++;
    const char *end = p;
    while (*end && *end != '/') end++;
    size_t len = (size_t)(end - p);
    if (len == 2 && p[0] == '.' && p[1] == '.') {
      if (g->segment_count > 0) {
        free(g->segment[--g->segment_count]);
      } else {
        char *up = mr_path_join(g->base, "..");
        if (!up) return 0;
        free(g->base);
        g->base = up;
      }
    } else if (len > 0 && !(len == 1 && p[0] == '.')) {
      if (!push_segment(g, &capacity, p, len)) return 0;
    }
    p = end;
  }
  return 1;
}

int mr_globs_add(mr_globs *globs, const char *base, const char *pattern) {
  if (!mr_grow(&globs->item, &globs->capacity, globs->count, sizeof(mr_glob)))
    return 0;
  mr_glob *g = &globs->item[globs->count];
  memset(g, 0, sizeof *g);
  if (!compile(g, base, pattern)) {
    glob_free(g);
    return 0;
  }
  globs->count++;
  return 1;
}

void mr_globs_free(mr_globs *globs) {
  for (size_t i = 0; i < globs->count; i++) glob_free(&globs->item[i]);
  free(globs->item);
  globs->item = NULL;
  globs->count = globs->capacity = 0;
}

/* The part of path below base ("" for base itself), or NULL when the path
** is not inside base. */
static const char *below(const char *base, const char *path) {
  size_t n = strlen(base);
  if (n == 1) return path + 1; /* base "/" */
  if (strncmp(base, path, n) != 0) return NULL;
  if (path[n] == '\0') return path + n;
  if (path[n] != '/') return NULL;
  return path + n + 1;
}

/* Split a relative path into segments (pointers into a copy). */
static char **split(char *rel, size_t *count) {
  size_t n = 1;
  for (const char *p = rel; *p; p++) n += *p == '/';
  char **seg = malloc(n * sizeof *seg);
  if (!seg) return NULL;
  *count = 0;
  for (char *p = rel; *p;) {
    seg[(*count)++] = p;
    char *slash = strchr(p, '/');
    if (!slash) break;
    *slash = '\0';
    p = slash + 1;
  }
  return seg;
}

/* Does the glob match segments 0..k-1 of the path for some k >= 1? A
** dynamic programme over (glob segment, path segment): reach[j] says the
** glob's first i segments match the path's first j; '**' spreads reach
** forward. Linear in the product of the two lengths, whatever the '**'s. */
static int match_segments(const mr_glob *g, char **seg, size_t n) {
  if (g->segment_count == 0) return 1; /* "." : the whole base folder */
  unsigned char *reach = calloc(n + 1, 1);
  if (!reach) return 0;
  reach[0] = 1;
  for (size_t i = 0; i < g->segment_count; i++) {
    const char *pat = g->segment[i];
    if (strcmp(pat, "**") == 0) {
      for (size_t j = 1; j <= n; j++) reach[j] |= reach[j - 1];
      continue;
    }
    for (size_t j = n; j >= 1; j--)
      reach[j] = reach[j - 1] && fnmatch(pat, seg[j - 1], FNM_PATHNAME) == 0;
    reach[0] = 0;
  }
  int matched = 0;
  for (size_t j = 1; j <= n; j++) matched |= reach[j];
  free(reach);
  return matched;
}

int mr_globs_match(const mr_globs *globs, const char *path) {
  for (size_t i = 0; i < globs->count; i++) {
    const mr_glob *g = &globs->item[i];
    const char *rel = below(g->base, path);
    if (!rel || !*rel) continue;
    char *copy = strdup(rel);
    size_t n = 0;
    char **seg = copy ? split(copy, &n) : NULL;
    int matched = seg && match_segments(g, seg, n);
    free(seg);
    free(copy);
    if (matched) return 1;
  }
  return 0;
}
