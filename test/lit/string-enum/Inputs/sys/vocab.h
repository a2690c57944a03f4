// A system header: never reported, whatever it holds.
#include <string.h>
struct sys_state {
  const char *phase;
};
static inline void sys_phase(struct sys_state *s, int n) {
  s->phase = n ? "one" : "two";
  if (n > 2)
    s->phase = "three";
}
static inline int sys_weight(struct sys_state *s, int *w) {
  const char *p = s->phase;
  if (strcmp(p, "one") == 0)
    *w = 1 + *w;
  else if (strcmp(p, "two") == 0)
    *w = 2 + *w;
  else if (strcmp(p, "three") == 0)
    *w = 3 + *w;
  return strcmp(s->phase, "one") == 0;
}
