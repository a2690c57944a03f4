/*
** POSIX shell words: the "command" string of a compile_commands.json entry
** is a shell command line (CMake and Bear quote it for /bin/sh), so it is
** split by the shell's quoting rules, and commands shown to the user are
** quoted back the same way.
*/
#ifndef MEMRULES_TOOLS_SHELL_WORDS_H
#define MEMRULES_TOOLS_SHELL_WORDS_H

#include <stdio.h>

/* Splits LINE into a NULL-terminated, malloc'ed vector of words (each word
** malloc'ed too; free with mr_words_free). Quotes and backslashes act as in
** sh; no expansion of variables, globs or substitutions is done, as none is
** expected in a compilation database. Returns NULL and sets *error to a
** static message on an unterminated quote or a lone trailing backslash. */
char **mr_shell_split(const char *line, const char **error);

/* Frees a vector from mr_shell_split (or any NULL-terminated vector whose
** strings are all malloc'ed). */
void mr_words_free(char **words);

/* Writes WORD to OUT so that sh reads it back as one word. */
void mr_shell_quote(FILE *out, const char *word);

#endif
