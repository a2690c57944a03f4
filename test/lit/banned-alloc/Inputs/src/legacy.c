#include <stdlib.h>
// An override turns the rule off for this file.
void *old_api(size_t n) { return malloc(n); }
