#ifndef TEXTSTATS_H
#define TEXTSTATS_H

#include <stddef.h>

/* A growable byte buffer. */
struct buffer {
  char *data;
  size_t len;
  size_t cap;
};

int buffer_append(struct buffer *b, const char *text, size_t n);

/* One word and how often it was seen. */
struct word_count {
  char first;          /* first letter, for the report's index */
  const char *word;
  int is_keyword;
  size_t count;
  char last;           /* last letter */
  double share;        /* count / total words */
};

size_t count_words(const char *text, struct word_count *table, size_t max);
void print_longest(char **lines, size_t n);

#endif
