/* memrules run: shell words of a "command" entry, and command rewriting. */
#include "helpers.h"
#include "rewrite.h"
#include "shell_words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The words of LINE joined by '|', for one-line comparisons. */
static char *joined(char **words) {
  static char out[1024];
  out[0] = '\0';
  for (char **w = words; *w; w++) {
    if (w != words) strcat(out, "|");
    strcat(out, *w);
  }
  return out;
}

static void check_split(const char *line, const char *want) {
  const char *error = NULL;
  char **words = mr_shell_split(line, &error);
  assert_non_null(words);
  assert_string_equal(joined(words), want);
  mr_words_free(words);
}

static void check_split_error(const char *line, const char *want) {
  const char *error = NULL;
  assert_null(mr_shell_split(line, &error));
  assert_string_equal(error, want);
}

static void splits_like_sh(void **state) {
  (void)state;
  check_split("cc -c a.c", "cc|-c|a.c");
  check_split("  cc\t-c \n a.c  ", "cc|-c|a.c");
  check_split("cc '-DA=x y' \"-DB=q\\\"r\"", "cc|-DA=x y|-DB=q\"r");
  check_split("cc -DC=a\\ b", "cc|-DC=a b");
  check_split("cc '' \"\"", "cc||");
  check_split("cc 'it'\\''s'", "cc|it's");
  /* inside double quotes a backslash escapes only $ ` \" \\ and newline */
  check_split("cc \"a\\b\\\\c\\$d\"", "cc|a\\b\\c$d");
  check_split("cc a\\\nb \"c\\\nd\"", "cc|ab|cd");
  /* no expansion */
  check_split("cc $HOME '*.c' `x`", "cc|$HOME|*.c|`x`");
  check_split("", "");
}

static void split_errors(void **state) {
  (void)state;
  check_split_error("cc 'a.c", "unterminated single quote");
  check_split_error("cc \"a.c", "unterminated double quote");
  check_split_error("cc a.c\\", "backslash at the end of the command");
}

static void quotes_back(void **state) {
  (void)state;
  const char *words[] = {"plain-1.c", "a b", "it's", "", "$x", NULL};
  char buf[256];
  FILE *out = fmemopen(buf, sizeof buf, "w");
  for (const char **w = words; *w; w++) {
    mr_shell_quote(out, *w);
    fputc(' ', out);
  }
  fclose(out);
  assert_string_equal(buf, "plain-1.c 'a b' 'it'\\''s' '' '$x' ");
  /* and sh's rules read it back */
  check_split(buf, "plain-1.c|a b|it's||$x");
}

static char *rewritten(char **argv) {
  struct mr_rewrite_options o = {"/c/clang", "/p.so", "/pol.yaml", NULL, 1, 0};
  char **out = mr_rewrite(argv, &o);
  assert_non_null(out);
  static char text[1024];
  strcpy(text, joined(out));
  mr_words_free(out);
  return text;
}

static void rewrites(void **state) {
  (void)state;
  char *gcc[] = {"ccache", "gcc", "-c", "-o", "x.o", "-MD", "-MF", "x.d", "-MT", "x.o",
                 "-Wp,-MD,x.d", "-fconserve-stack", "-O2", "-DX=1", "-ox2.o", "x.c", NULL};
  assert_string_equal(rewritten(gcc),
                      "/c/clang|-O2|-DX=1|x.c|-fsyntax-only|-Qunused-arguments|"
                      "-Wno-unknown-warning-option|-fplugin=/p.so|"
                      "-fplugin-arg-memrules-policy=/pol.yaml|-fplugin-arg-memrules-werror");
  char *gxx[] = {"/usr/bin/g++-12", "-fplugin=/gcc/plugin.so", "-fdump-tree-all",
                 "-x", "c", "a.c", NULL};
  assert_string_equal(rewritten(gxx),
                      "/c/clang|--driver-mode=g++|-x|c|a.c|-fsyntax-only|-Qunused-arguments|"
                      "-Wno-unknown-warning-option|-fplugin=/p.so|"
                      "-fplugin-arg-memrules-policy=/pol.yaml|-fplugin-arg-memrules-werror");
  /* a lone launcher name is the compiler */
  char *alone[] = {"distcc", NULL};
  assert_true(strncmp(rewritten(alone), "/c/clang|-fsyntax-only", 22) == 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(splits_like_sh),
      cmocka_unit_test(split_errors),
      cmocka_unit_test(quotes_back),
      cmocka_unit_test(rewrites),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
