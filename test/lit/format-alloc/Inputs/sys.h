#define _GNU_SOURCE 1
#include <stdio.h>
#include <stdlib.h>
static inline void sys_report(int code) {
  char *text;
  if (asprintf(&text, "code %d", code) < 0)
    return;
  puts(text);
  free(text);
}
