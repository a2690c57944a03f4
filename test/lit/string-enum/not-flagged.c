// What string-enum must not flag.
// RUN: %memrules -Xclang -verify %s
// expected-no-diagnostics

#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <unistd.h>

enum color { RED, GREEN, BLUE, NONE };
#define MODE_A 1
#define MODE_B 2
#define MODE_C 3

void do_get(void);
void do_set(void);
void do_del(void);

// A parser: outside text turned into enum constants (assigned or returned).
enum color parse_color(const char *s) {
  if (strcmp(s, "red") == 0)
    return RED;
  if (strcmp(s, "green") == 0)
    return GREEN;
  if (strcmp(s, "blue") == 0)
    return BLUE;
  return NONE;
}

int parse_mode(const char *s) {
  int mode = 0;
  if (!strcasecmp(s, "a"))
    mode = MODE_A;
  else if (!strcasecmp(s, "b"))
    mode = MODE_B;
  else if (!strcasecmp(s, "c"))
    mode = MODE_C;
  return mode;
}

// A dispatcher: each keyword calls its handler.
void dispatch(const char *s) {
  if (!strcmp(s, "get"))
    do_get();
  else if (!strcmp(s, "set"))
    do_set();
  else if (!strcmp(s, "del"))
    do_del();
}

// Command-line parsing in main.
int main(int argc, char **argv) {
  const char *out = "-";
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0)
      out = "v";
    else if (strcmp(argv[i], "-q") == 0)
      out = "q";
    else if (strcmp(argv[i], "-o") == 0)
      out = argv[++i];
  }
  return out[0];
}

// getopt's optarg, outside main.
const char *format;
void options(int argc, char **argv) {
  int c;
  while ((c = getopt(argc, argv, "f:")) != -1) {
    if (strcmp(optarg, "json") == 0)
      format = "json";
    else if (strcmp(optarg, "text") == 0)
      format = "text";
    else if (strcmp(optarg, "xml") == 0)
      format = "xml";
  }
}

// A parameter named like input (a token), whatever its branches do.
const char *last;
void keyword(const char *token) {
  if (strcmp(token, "begin") == 0)
    last = token;
  else if (strcmp(token, "end") == 0)
    last = token;
  else if (strcmp(token, "else") == 0)
    last = token;
}

// Fewer distinct literals than min-literals (3): "x" twice counts once.
int two(const char *v) {
  const char *w = v;
  int n = 0;
  if (strcmp(w, "x") == 0)
    n = n + 1;
  if (strcmp(w, "y") == 0)
    n = n + 2;
  if (strcmp(w, "x") != 0)
    n = n + 3;
  return n;
}

// Different variables, each compared fewer than three times.
void spread(const char *a, const char *b, char **out) {
  if (strcmp(a, "one") == 0)
    *out = (char *)a;
  if (strcmp(a, "two") == 0)
    *out = (char *)a;
  if (strcmp(b, "three") == 0)
    *out = (char *)b;
  if (strcmp(b, "four") == 0)
    *out = (char *)b;
}

// Ordering, not equality: a sort comparator or a range test.
int ordered(const char *s) {
  int r = 0;
  if (strcmp(s, "m") < 0)
    r = r + 1;
  if (strcmp(s, "f") > 0)
    r = r + 1;
  if (strcmp(s, "t") >= 0)
    r = r + 1;
  return r;
}

// A prefix test shorter than the literal is not a vocabulary test.
void prefixes(const char *p, const char **kind) {
  if (strncmp(p, "http://", 4) == 0)
    *kind = p;
  if (strncmp(p, "https://", 4) == 0)
    *kind = p;
  if (strncmp(p, "ftp://", 3) == 0)
    *kind = p;
}
