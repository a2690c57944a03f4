// Suppression: a comment on the line of the finding (or above), NOLINT, or
// the annotate attribute on the function or the record.
// RUN: %memrules -Xclang -verify %s
// expected-no-diagnostics

#include <string.h>

void weigh(int in, int *out) {
  const char *size = in > 9 ? "big" : in > 3 ? "mid" : "small";
  // memrules:ignore(string-enum) kept as text for the log format
  if (strcmp(size, "big") == 0)
    *out = in;
  else if (strcmp(size, "mid") == 0)
    *out = -in;
  else if (strcmp(size, "small") == 0)
    *out = 0;
}

void weigh2(int in, int *out) {
  const char *size = in > 9 ? "big" : in > 3 ? "mid" : "small";
  if (strcmp(size, "big") == 0) // NOLINT(memrules-string-enum)
    *out = in;
  else if (strcmp(size, "mid") == 0)
    *out = -in;
  else if (strcmp(size, "small") == 0)
    *out = 0;
}

__attribute__((annotate("memrules::ignore(string-enum)")))
void weigh3(int in, int *out) {
  const char *size = in > 9 ? "big" : in > 3 ? "mid" : "small";
  if (strcmp(size, "big") == 0)
    *out = in;
  else if (strcmp(size, "mid") == 0)
    *out = -in;
  else if (strcmp(size, "small") == 0)
    *out = 0;
}

struct __attribute__((annotate("memrules::ignore(string-enum)"))) lamp {
  const char *color;
};
void red(struct lamp *l) { l->color = "red"; }
void green(struct lamp *l) { l->color = "green"; }
void blue(struct lamp *l) { l->color = "blue"; }
int is_red(struct lamp *l) { return !strcmp(l->color, "red"); }
