// small-heap-alloc: a block of a compile-time-constant size no larger than
// max-bytes (128), held in a local, freed in the same function and never
// leaving it.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct point {
  int x, y;
};

// The file's own functions, which only read their argument.
static void draw(const struct point *p) { printf("(%d, %d)\n", p->x, p->y); }
static int norm(struct point *p) { return p->x * p->x + p->y * p->y; }

// The source documents' example: a small struct that only lives here.
int plot(int x, int y) {
  struct point *pt = malloc(sizeof *pt); // expected-warning {{'pt' holds 8 bytes from malloc() that never leave this function and are freed in it: the heap costs an allocation, a release and a failure path for them; declare them on the stack instead (a local array or struct)}}
  if (!pt)
    return -1;
  pt->x = x;
  pt->y = y;
  draw(pt);
  int n = norm(pt);
  free(pt); // expected-note {{'pt' is freed here}}
  return n;
}

// A scratch buffer lent to libc functions that do not keep it.
int format_id(FILE *out, unsigned id) {
  char *buf = malloc(32); // expected-warning {{'buf' holds 32 bytes from malloc()}}
  if (buf == NULL)
    return -1;
  snprintf(buf, 32, "id-%u", id);
  memset(buf + 16, 0, 16);
  fputs(buf, out);
  free(buf); // expected-note {{'buf' is freed here}}
  return 0;
}

// calloc with a constant count and size; assigned after the declaration;
// set to NULL after the release.
int counts(const unsigned char *s, size_t n) {
  int *seen = NULL;
  seen = calloc(16, sizeof(int)); // expected-warning {{'seen' holds 64 bytes from calloc()}}
  if (!seen)
    return -1;
  for (size_t i = 0; i < n; i++)
    seen[s[i] & 15]++;
  int most = 0;
  for (int i = 0; i < 16; i++)
    if (seen[i] > most)
      most = seen[i];
  free(seen); // expected-note {{'seen' is freed here}}
  seen = NULL;
  return most;
}

// Exactly max-bytes.
int at_limit(void) {
  char *buf = malloc(128); // expected-warning {{'buf' holds 128 bytes from malloc()}}
  if (!buf)
    return -1;
  buf[0] = 0;
  int c = buf[0];
  free(buf); // expected-note {{freed here}}
  return c;
}

// Goto-cleanup: the release under the exit label.
int with_cleanup(int fd) {
  int rc = -1;
  char *hdr = malloc(12); // expected-warning {{'hdr' holds 12 bytes from malloc()}}
  if (!hdr)
    goto out;
  if (fd < 0)
    goto out;
  hdr[0] = (char)fd;
  rc = hdr[0];
out:
  free(hdr); // expected-note {{'hdr' is freed here}}
  return rc;
}

// The assignment inside the null test.
int in_condition(void) {
  long *v;
  if ((v = malloc(sizeof(long) * 4)) == NULL) // expected-warning {{'v' holds 32 bytes from malloc()}}
    return -1;
  v[0] = 1;
  long r = v[0];
  free(v); // expected-note {{'v' is freed here}}
  return (int)r;
}

// In a loop that runs once (a do-while(0) macro body): not alloc-in-loop's.
int once(void) {
  int r = 0;
  do {
    char *tmp = malloc(8); // expected-warning {{'tmp' holds 8 bytes from malloc()}}
    if (!tmp)
      break;
    tmp[0] = 1;
    r = tmp[0];
    free(tmp); // expected-note {{'tmp' is freed here}}
  } while (0);
  return r;
}

// Released by a wrapper the TU defines: an inferred deallocator of libc's
// family counts as the release.
static void release_block(void *p) { free(p); }
int freed_by_wrapper(void) {
  char *p = malloc(8); // expected-warning {{'p' holds 8 bytes from malloc()}}
  if (!p)
    return -1;
  p[0] = 0;
  release_block(p); // expected-note {{'p' is freed here}}
  return 0;
}
