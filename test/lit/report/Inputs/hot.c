// Census hot/other: one allocation site per way a function is hot.
#include <stdlib.h>

__attribute__((hot)) void *by_attribute(void) { return malloc(1); }

__attribute__((annotate("memrules::hot"))) void *by_annotation(void) { return malloc(2); }

void *parse_by_policy_glob(void) { return malloc(3); }

void *cold(void) { return malloc(4); }
