#include <stdio.h>
#include <stdlib.h>

#include "textstats.h"

static struct word_count table[1024];

int main(int argc, char **argv) {
  struct buffer text = {0};
  char chunk[4096];
  FILE *in = argc > 1 ? fopen(argv[1], "r") : stdin;
  if (!in)
    return 1;
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
    if (buffer_append(&text, chunk, n) != 0)
      return 1;
  if (buffer_append(&text, "", 1) != 0)
    return 1;
  size_t words = count_words(text.data, table, 1024);
  for (size_t i = 0; i < words; i++)
    printf("%6zu %s\n", table[i].count, table[i].word);
  free(text.data);
  return 0;
}
