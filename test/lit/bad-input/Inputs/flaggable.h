/* Code most memrules rules flag when the TU compiles (C and C++); included
** by the broken-code tests, where the plugin must stay silent. */
#include <stdlib.h>
#include <string.h>

struct padded { char a; double b; char c; long d; };
struct payload { double samples[64]; };
struct value {
  int tag;
  union { long i; double d; struct payload payload; };
};
struct large { char bytes[512]; };

static inline int by_value(struct large l) { return l.bytes[0]; }

static inline void all_rules(const char **names, int n, size_t w, size_t h,
                             const char *kind) {
  char *grow = (char *)malloc(1);
  for (int i = 0; i < n; i++) {
    char *tmp = (char *)malloc(strlen(names[i]));
    strcpy(tmp, names[i]);
    free(tmp);
    grow = (char *)realloc(grow, (size_t)i + 16);
  }
  int *cells = (int *)malloc(w * h);
  cells[0] = 1;
  struct padded *p = (struct padded *)malloc(sizeof p);
  if (n > 3)
    return;
  if (!strcmp(kind, "a") || !strcmp(kind, "b") || !strcmp(kind, "c") ||
      !strcmp(kind, "d") || !strcmp(kind, "e"))
    free(cells);
  free(p);
  free(grow);
}

static inline int cost(int fast, int slow) {
  const char *mode = "auto";
  if (fast)
    mode = "fast";
  else if (slow)
    mode = "slow";
  int c = 0;
  if (strcmp(mode, "fast") == 0)
    c = 1;
  else if (strcmp(mode, "slow") == 0)
    c = 10;
  else if (strcmp(mode, "auto") == 0)
    c = 5;
  return c;
}
