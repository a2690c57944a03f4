#include <stdlib.h>
#include <string.h>

struct big { long a, b, c; };
struct small { long a; };
void use(void *p);

void fill(int n) {
  for (int i = 0; i < n; i++) {
    char *buf = malloc(64);
    use(buf);
    free(buf);
  }
}

struct big *make(void) {
  struct big *p = malloc(sizeof p);
  return p;
}

struct big *quiet(void) {
  // memrules:ignore(sizeof-mismatch) the report leaves suppressed findings out
  struct big *q = malloc(sizeof(struct small));
  return q;
}

char *copy(const char *s) { return strdup(s); }

char *dup(const char *s, size_t n) {
  char *d;
  d = malloc(n);
  if (!d)
    return 0;
  memcpy(d, s, n);
  return d;
}

char *grow(char *p, int n) {
  for (int i = 0; i < n; i++) {
    char *q = realloc(p, i + 1);
    if (!q)
      break;
    p = q;
  }
  return p;
}
