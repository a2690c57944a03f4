// Policy-declared allocator families: their allocations and releases pair up,
// and a release from another family does not.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/families.yaml -Xclang -verify %s

#include <stdlib.h>

void *xmalloc(size_t n);
void xfree(void *p);
void *pool_get(size_t n);
void pool_put(void *p);
void use(void *p);

void project_wrappers(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    void *p = xmalloc(32); // expected-warning {{'p' is allocated and freed on every iteration; allocate it once before the loop, sized for the largest iteration, and reuse it [memrules-alloc-in-loop]}}
    use(p);
    xfree(p); // expected-note {{'p' is freed here}}
  }
}

// Another family's releaser is not a release of this family's block.
void crossed(int n) {
  for (int i = 0; i < n; i++) {
    void *p = pool_get(32);
    use(p);
    xfree(p);
  }
}

void pool(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    void *p = pool_get(32); // expected-warning {{'p' is allocated and freed on every iteration}}
    pool_put(p); // expected-note {{'p' is freed here}}
  }
}
