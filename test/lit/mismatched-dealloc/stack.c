// free() of what is not on the heap: a stack array, a string literal, the
// address of any automatic object, alloca() memory; directly or through a
// local pointer that holds one at the release, on every path or on some.
// RUN: %memrules -Wno-free-nonheap-object -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify %s

#include <alloca.h>
#include <stdlib.h>
#include <string.h>

struct point {
  int x, y;
};

void stack_array(void) {
  char buf[64];
  buf[0] = 0;
  free(buf); // expected-warning {{the stack array 'buf' is released with free(), which is undefined behaviour (the heap can be corrupted); do not release it [memrules-mismatched-dealloc]}}
}

void string_literal(void) {
  free("constant"); // expected-warning {{the string literal "constant" is released with free()}}
}

void address_of_locals(int n) {
  int x = n;
  struct point pt = {n, n};
  int arr[4] = {0};
  free(&x);     // expected-warning {{the address of the automatic variable 'x' is released with free()}}
  free(&pt);    // expected-warning {{the address of the automatic variable 'pt' is released}}
  free(&pt.y);  // expected-warning {{the address of the automatic variable 'pt' is released}}
  free(&arr[1]); // expected-warning {{the address of the automatic variable 'arr' is released}}
}

void address_of_parameter(int n) {
  free(&n); // expected-warning {{the address of the automatic variable 'n' is released}}
}

void through_a_pointer(void) {
  char buf[32];
  char *p = buf; // expected-note {{'p' is assigned the stack array 'buf' here}}
  strcpy(p, "x");
  free(p); // expected-warning {{'p' points to the stack array 'buf' when it is released with free(), which is undefined behaviour (the heap can be corrupted); do not release it}}
}

void address_through_a_pointer(void) {
  struct point pt = {1, 2};
  struct point *p;
  p = &pt; // expected-note {{'p' is assigned the automatic variable 'pt' here}}
  free(p); // expected-warning {{'p' points to the automatic variable 'pt' when it is released with free()}}
}

void stack_allocation(size_t n) {
  char *tmp = alloca(n); // expected-note {{'tmp' is assigned stack memory from alloca() here}}
  memset(tmp, 0, n);
  free(tmp); // expected-warning {{'tmp' points to stack memory from alloca() when it is released with free()}}
}

// RULES.md, settled: a path where the pointer may still hold the literal.
void literal_maybe(const char *x) {
  char *name = "anon"; // expected-note {{'name' is assigned the string literal "anon" here}}
  if (x)
    name = strdup(x);
  free(name); // expected-warning {{'name' may point to the string literal "anon" when it is released with free(), which is undefined behaviour (the heap can be corrupted); release it only on the paths that allocated it}}
}

void literal_assigned_on_a_branch(const char *x) {
  char *name;
  if (x)
    name = strdup(x);
  else
    name = (char *)"(none)"; // expected-note {{'name' is assigned the string literal "(none)" here}}
  if (name)
    free(name); // expected-warning {{'name' may point to the string literal "(none)"}}
}

// The goto-cleanup path skips the allocation.
int literal_on_error_path(const char *x, int fail) {
  char *msg = "out of memory"; // expected-note {{'msg' is assigned the string literal "out of memory" here}}
  if (fail)
    goto done;
  msg = strdup(x);
done:
  free(msg); // expected-warning {{'msg' may point to the string literal "out of memory"}}
  return 0;
}

// After the loop the literal is still there when the loop ran zero times.
// Inside the loop (first iteration) it is too, but the release is in a loop
// the assignment is not in: the rule stays silent there (conservative).
void overridden_in_a_loop(const char *x, int n) {
  char *s = "";  // expected-note {{'s' is assigned the string literal "" here}}
  for (int i = 0; i < n; i++) {
    free(s);
    s = strdup(x);
  }
  free(s); // expected-warning {{'s' may point to the string literal ""}}
}

void long_literal(void) {
  char *s = "a rather long default value that goes on"; // expected-note {{'s' is assigned the string literal "a rather long default value t..." here}}
  free(s); // expected-warning {{'s' points to the string literal "a rather long default value t..."}}
}
