#include "shell_words.h"

#include <stdlib.h>
#include <string.h>

/* A growing vector of words, each built a character at a time. The word
** being built is never longer than the line it comes from, so one buffer of
** that size serves every word. */
struct splitter {
  char **words;
  size_t count, capacity;
  char *word;
  size_t length;
  int in_word; /* "" is a word too, so emptiness does not say it */
};

/* Room for one more word and the terminating NULL. */
static int reserve(struct splitter *s) {
  if (s->count + 2 <= s->capacity) return 0;
  size_t capacity = s->capacity ? 2 * s->capacity : 16;
  char **grown = realloc(s->words, capacity * sizeof *grown);
  if (!grown) return -1;
  s->words = grown;
  s->capacity = capacity;
  s->words[s->count] = NULL;
  return 0;
}

static int push_word(struct splitter *s) {
  if (reserve(s) < 0) return -1;
  char *copy = malloc(s->length + 1);
  if (!copy) return -1;
  memcpy(copy, s->word, s->length);
  copy[s->length] = '\0';
  s->words[s->count++] = copy;
  s->words[s->count] = NULL;
  s->length = 0;
  s->in_word = 0;
  return 0;
}

static void put(struct splitter *s, char c) {
  s->word[s->length++] = c;
  s->in_word = 1;
}

/* Inside double quotes a backslash escapes only these (POSIX 2.2.3). */
static int escapable_in_double_quotes(char c) {
  return c == '$' || c == '`' || c == '"' || c == '\\' || c == '\n';
}

/* Scans one word starting at P; returns where it ends, or NULL on error. */
static const char *scan_word(struct splitter *s, const char *p,
                             const char **error) {
  for (; *p && *p != ' ' && *p != '\t' && *p != '\n'; p++) {
    if (*p == '\'') {
      s->in_word = 1;
      for (p++; *p != '\''; p++) {
        if (!*p) return *error = "unterminated single quote", NULL;
        put(s, *p);
      }
    } else if (*p == '"') {
      s->in_word = 1;
      for (p++; *p != '"'; p++) {
        if (!*p) return *error = "unterminated double quote", NULL;
        if (*p == '\\' && escapable_in_double_quotes(p[1])) {
          p++;
          if (*p == '\n') continue; /* line continuation */
        }
        put(s, *p);
      }
    } else if (*p == '\\') {
      if (!p[1]) return *error = "backslash at the end of the command", NULL;
      p++;
      if (*p != '\n') put(s, *p);
    } else {
      put(s, *p);
    }
  }
  return p;
}

char **mr_shell_split(const char *line, const char **error) {
  struct splitter s = {0};
  s.word = malloc(strlen(line) + 1);
  *error = "out of memory";
  if (!s.word || reserve(&s) < 0) goto fail;
  for (const char *p = line; *p;) {
    if (*p == ' ' || *p == '\t' || *p == '\n') {
      p++;
      continue;
    }
    p = scan_word(&s, p, error);
    if (!p) goto fail;
    if (s.in_word && push_word(&s) < 0) {
      *error = "out of memory";
      goto fail;
    }
  }
  free(s.word);
  return s.words;
fail:
  free(s.word);
  mr_words_free(s.words);
  return NULL;
}

void mr_words_free(char **words) {
  if (!words) return;
  for (char **w = words; *w; w++) free(*w);
  free(words);
}

void mr_shell_quote(FILE *out, const char *word) {
  static const char safe[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                             "0123456789_@%+=:,./-";
  if (*word && strspn(word, safe) == strlen(word)) {
    fputs(word, out);
    return;
  }
  fputc('\'', out);
  for (const char *p = word; *p; p++) {
    if (*p == '\'')
      fputs("'\\''", out);
    else
      fputc(*p, out);
  }
  fputc('\'', out);
}
