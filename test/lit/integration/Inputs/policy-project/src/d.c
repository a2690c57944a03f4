#include <stdlib.h>

/* Not checked: the `plain` target has no memrules_enable. */
void *resize(void *block, size_t n) {
  block = realloc(block, n);
  return block;
}
