// A working copy of a pointer the caller still holds (sqlite3's mem1.c):
// a failed realloc loses nothing in this function.
// RUN: %memrules -Xclang -verify %s

#include <stdlib.h>

void *resize_with_header(void *prior, int bytes) {
  long long *p = (long long *)prior;
  p--;
  p = realloc(p, (size_t)bytes + 8);
  if (p)
    p++;
  return p;
}

// The copy is reassigned from elsewhere first: the block it then holds is
// the function's own, and a failed realloc leaks it.
void *own_block(void *prior, int bytes, int fresh) {
  char *p = (char *)prior;
  if (fresh)
    p = malloc(16);
  p = realloc(p, (size_t)bytes); // expected-warning {{if realloc fails, 'p' is overwritten with NULL}}
  return p;
}
