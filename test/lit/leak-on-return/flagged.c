// leak-on-return: a return (or a goto to code that does not release it)
// reached after a local allocation succeeded, on which the block is neither
// released nor kept.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// The classic error path: read() only borrows the buffer.
int classic(int fd, size_t n) {
  char *buf = malloc(n); // expected-note {{'buf' is allocated here}}
  if (!buf)
    return -1;
  if (read(fd, buf, n) < 0)
    return -1; // expected-warning {{'buf' (from malloc()) leaks on this return: the block is neither released nor kept on this path, so its memory is lost each time the path runs; release it before returning [memrules-leak-on-return]}}
  free(buf); // expected-note {{'buf' is released on the other paths here}}
  return 0;
}

// `p == NULL`, `NULL != p`, assignment inside the test.
int compare_forms(const char *s) {
  char *copy;
  if ((copy = strdup(s)) == NULL) // expected-note {{'copy' is allocated here}}
    return -1;
  if (strlen(copy) > 10)
    return -2; // expected-warning {{'copy' (from strdup()) leaks on this return}}
  free(copy); // expected-note {{released on the other paths here}}
  return 0;
}

// A goto to a label whose code never mentions the block.
int bad_goto(int fd, size_t n) {
  char *buf = calloc(n, 1); // expected-note {{'buf' is allocated here}}
  if (NULL == buf)
    return -1;
  if (read(fd, buf, n) < 0)
    goto fail; // expected-warning {{'buf' (from calloc()) leaks through this goto: the code at 'fail' neither releases nor keeps the block, so its memory is lost each time this path runs; release it there or before the jump [memrules-leak-on-return]}}
  free(buf); // expected-note {{released on the other paths here}}
  return 0;
fail:
  return -1;
}

// A return inside a loop; the loop's break leads to the free.
int in_loop(int fd) {
  char *buf = malloc(64); // expected-note {{'buf' is allocated here}}
  if (buf == NULL)
    return -1;
  for (;;) {
    if (read(fd, buf, 64) <= 0)
      break;
    if (buf[0] == 'q')
      return 1; // expected-warning {{'buf' (from malloc()) leaks on this return}}
  }
  free(buf); // expected-note {{released on the other paths here}}
  return 0;
}

// A dereference proves the block non-null even without a test.
int deref(int x) {
  int *v = malloc(sizeof *v); // expected-note {{'v' is allocated here}}
  *v = x;
  if (x > 3)
    return 0; // expected-warning {{'v' (from malloc()) leaks on this return}}
  free(v); // expected-note {{released on the other paths here}}
  return 1;
}

// p = realloc(p, n) goes on with the same block.
int grown(size_t n, int bad) {
  char *p = malloc(16); // expected-note {{'p' is allocated here}}
  if (!p)
    return -1;
  p = realloc(p, n);
  if (!p)
    return -1;
  if (bad)
    return -2; // expected-warning {{'p' (from malloc()) leaks on this return}}
  free(p); // expected-note {{released on the other paths here}}
  return 0;
}

// realloc(NULL, n) allocates; const-pointer parameters and printf-like
// variadic arguments only borrow; memcpy's result is the block again, and
// discarded.
void show(const char *s);
int borrowed(const char *s, size_t n, int bad) {
  char *p = realloc(NULL, n + 1); // expected-note {{'p' is allocated here}}
  if (!p)
    return -1;
  memcpy(p, s, n);
  p[n] = 0;
  show(p);
  fprintf(stderr, "%s\n", p);
  if (bad)
    return 1; // expected-warning {{'p' (from realloc()) leaks on this return}}
  free(p); // expected-note {{released on the other paths here}}
  return 0;
}

// Two allocations reach the return.
int two_sites(int x, const char *s) {
  char *p;
  if (x)
    p = strdup(s); // expected-note {{'p' is allocated here}}
  else
    p = malloc(8); // expected-note {{'p' is allocated here}}
  if (!p)
    return -1;
  if (x > 1)
    return 2; // expected-warning {{'p' (from its allocations) leaks on this return}}
  free(p); // expected-note {{released on the other paths here}}
  return 0;
}

// No free anywhere: the note about other paths is absent.
int never_freed(int fd) {
  char *buf = malloc(8); // expected-note {{'buf' is allocated here}}
  if (!buf)
    return -1;
  buf[0] = 0;
  return read(fd, buf, 8) > 0; // expected-warning {{'buf' (from malloc()) leaks on this return}}
}

// A function of the same file that only borrows its parameter.
static int checksum(char *p, size_t n) {
  int sum = 0;
  for (size_t i = 0; i < n; i++)
    sum += p[i];
  memset(p, 0, n);
  return sum;
}
int summed(size_t n) {
  char *p = malloc(n); // expected-note {{'p' is allocated here}}
  if (!p)
    return -1;
  if (checksum(p, n) != 0)
    return 1; // expected-warning {{'p' (from malloc()) leaks on this return}}
  free(p); // expected-note {{released on the other paths here}}
  return 0;
}
