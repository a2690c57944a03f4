// What alloc-in-loop must NOT flag (RULES.md "Do not flag").
// RUN: %memrules -Xclang -verify %s
// expected-no-diagnostics

#include <stdlib.h>
#include <string.h>

void use(char *p);
void keep(char *p);
struct list { char *items[64]; int n; };

// The pointer escapes the iteration: stored into an array or a struct.
void stored_in_array(char **out, int n) {
  for (int i = 0; i < n; i++) {
    char *p = malloc(16);
    out[i] = p;
  }
}

void stored_in_struct_then_freed_on_error(struct list *l, int n) {
  for (int i = 0; i < n; i++) {
    char *p = malloc(16);
    if (l->n == 64) {
      free(p);
      continue;
    }
    l->items[l->n++] = p;
  }
}

// Returned from inside the loop.
char *find(char **names, int n) {
  for (int i = 0; i < n; i++) {
    char *copy = strdup(names[i]);
    if (copy[0] == 'x') // memrules:ignore(unchecked-alloc) not this test's rule
      return copy;
    free(copy);
  }
  return NULL;
}

// Loops that provably run once.
void do_while_zero(void) {
  do {
    char *p = malloc(16);
    use(p);
    free(p);
  } while (0);
}

void single_trip(void) {
  for (int i = 0; i < 1; i++) {
    char *p = malloc(16);
    use(p);
    free(p);
  }
}

void body_always_breaks(int n) {
  while (n) {
    char *p = malloc(16);
    use(p);
    free(p);
    break;
  }
}

// Allocation on an error branch that leaves the loop.
int error_path(int *codes, int n) {
  for (int i = 0; i < n; i++) {
    if (codes[i] < 0) {
      char *msg = malloc(128);
      use(msg);
      free(msg);
      return -1;
    }
  }
  return 0;
}

// Freed only on some paths: the rest keep it.
void conditional_free(int n) {
  for (int i = 0; i < n; i++) {
    char *p = malloc(16);
    if (i % 2)
      free(p);
    else
      keep(p);
  }
}

// Freed in the next iteration (or after the loop), not in this one.
void freed_next_time(int n) {
  char *prev = NULL;
  for (int i = 0; i < n; i++) {
    free(prev);
    prev = malloc(16);
    use(prev);
  }
  free(prev);
}

// Allocated before the loop and reused: the fix itself.
void hoisted(int n) {
  char *buf = malloc(4096);
  for (int i = 0; i < n; i++)
    use(buf);
  free(buf);
}

// The variable is reassigned before the free: a different block is freed.
void reassigned(char *other, int n) {
  for (int i = 0; i < n; i++) {
    char *p = malloc(16);
    keep(p);
    p = other;
    free(p);
  }
}

// Its address escapes: a callee may keep the block.
void register_ptr(char **slot);
void address_taken(int n) {
  for (int i = 0; i < n; i++) {
    char *p = malloc(16);
    register_ptr(&p);
    free(p);
  }
}

// Growing an existing block is grow-in-loop's business, not this rule's.
void grow(char *p, int n) {
  for (int i = 0; i < n; i++)
    p = realloc(p, (size_t)i + 1);
  free(p);
}

// A lambda-like nested block: a function defined in a loop body is not the loop.
void released_elsewhere(int n) {
  for (int i = 0; i < n; i++) {
    char *p = malloc(16);
    keep(p);
  }
}

// A class-method-like callee named free is not libc's free: not ours to judge
// in C, but a different function named my_free is not a releaser.
void my_free(void *p);
void other_releaser(int n) {
  for (int i = 0; i < n; i++) {
    char *p = malloc(16);
    my_free(p);
  }
}
