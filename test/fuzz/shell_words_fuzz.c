/*
** libFuzzer target for the shell-word splitter `memrules run` applies to a
** compilation database's "command" strings. Whatever the bytes, splitting
** must not crash, leak or read past the line; an error must carry a message;
** and quoting the words back and splitting again must give the same words
** (the tool prints commands that way for the user to paste).
*/
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shell_words.h"

/* The words joined by spaces, each quoted as the tool quotes it. */
static char *quote_all(char **words) {
  char *text = NULL;
  size_t size = 0;
  FILE *out = open_memstream(&text, &size);
  if (!out)
    abort();
  for (size_t i = 0; words[i]; i++) {
    if (i)
      fputc(' ', out);
    mr_shell_quote(out, words[i]);
  }
  if (fclose(out) != 0)
    abort();
  return text;
}

static void assert_round_trip(char **words) {
  char *text = quote_all(words);
  const char *error = NULL;
  char **again = mr_shell_split(text, &error);
  assert(again);
  size_t i = 0;
  for (; words[i]; i++) {
    assert(again[i]);
    assert(strcmp(words[i], again[i]) == 0);
  }
  assert(!again[i]);
  mr_words_free(again);
  free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* The splitter reads a C string: stop at the first NUL, as it would. */
  char *line = malloc(size + 1);
  if (!line)
    abort();
  memcpy(line, data, size);
  line[size] = '\0';
  const char *error = NULL;
  char **words = mr_shell_split(line, &error);
  if (words) {
    assert_round_trip(words);
    mr_words_free(words);
  } else {
    assert(error && error[0]);
  }
  free(line);
  return 0;
}
