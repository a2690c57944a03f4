#include <string.h>
static inline void sys_words(const char *text, char **out) {
  for (int i = 0; i < 4; i++)
    out[i] = strndup(text + 2 * i, 2);
}
