// What mismatched-dealloc leaves alone.
// RUN: %memrules -Wno-free-nonheap-object -isystem %S/Inputs -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s
// expected-no-diagnostics

#include <stdlib.h>
#include <string.h>

struct holder {
  char *name;
  char inline_buf[16];
};
char *global_name;
void fill(char **out);

// The allocation is not visible in the function: parameters, fields,
// globals, out-parameters.
void not_visible(char *param, struct holder *h) {
  free(param);
  free(h->name);
  free(global_name);
  char *out = 0;
  fill(&out);
  free(out);
}

// A field of a pointed-to struct is not an automatic object.
void pointed_to(struct holder *h) {
  free(h);
  free(&h->name[0]);
}

// realloc'd blocks are freed with free.
void grown(size_t n) {
  char *p = malloc(n);
  char *q = realloc(p, n * 2);
  if (!q) {
    free(p);
    return;
  }
  p = q;
  p = realloc(p, n * 4);
  free(p);
}

// Reassigned from a matching allocation before the release.
void reassigned(const char *x, size_t n) {
  char *name = "anon";
  name = strdup(x);
  free(name);
  char buf[8];
  char *p = buf;
  p[0] = 0;
  p = malloc(n);
  free(p);
}

// The release is guarded by a flag the CFG cannot correlate with the
// assignment: ownership tracked on the side is correct code.
void owned_flag(const char *x) {
  char *name = "anon";
  int owned = 0;
  if (x) {
    name = strdup(x);
    owned = 1;
  }
  if (owned)
    free(name);
}

void compared_with_stack(size_t n) {
  char small[64];
  char *p = small;
  if (n > sizeof small)
    p = malloc(n);
  if (p != small)
    free(p);
}

void ternary(const char *x) {
  char *name = "anon";
  int owned = x != 0;
  if (owned)
    name = strdup(x);
  owned ? free(name) : (void)0;
}

// The literal is overwritten on every path before the release.
void both_branches(const char *x) {
  char *name = "anon";
  if (x)
    name = strdup(x);
  else
    name = strdup("anon");
  free(name);
}

// The pointer's address is taken: something else may set it.
void address_taken(void) {
  char *s = "default";
  fill(&s);
  free(s);
}

// Static storage is not the stack (and may be this function's cache).
void static_buffer(void) {
  static char *cache = "none";
  free(cache);
}

// Null pointers are fine to free.
void null_pointer(void) {
  char *p = NULL;
  free(p);
  free(NULL);
}

// Code in a system header, and a release a system header's macro writes.
#include <sys.h>
void from_system_macro(void) {
  sys_release();
  SYS_FREE_LITERAL();
}
