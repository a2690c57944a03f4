// A family's growing call (zrealloc) on an existing block is not a new
// allocation, whichever of the preset's sub-families lists the releaser.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/redis.yaml -Xclang -verify %s

#include <stddef.h>

void *zmalloc(size_t n);
void *zcalloc(size_t n);
void *zrealloc(void *p, size_t n);
void zfree(void *p);
int more(int i);

void grow(int n, void **items) {
  void **prefix = NULL;
  int count = 0;
  for (int i = 0; i < n; i++) {
    if (more(i)) {
      prefix = zrealloc(prefix, sizeof(void *) * (count + 1));
      prefix[count++] = items[i];
    } else {
      zfree(prefix);
      return;
    }
  }
  zfree(prefix);
}

void per_iteration(int n) {
  for (int i = 0; i < n; i++) { // expected-note {{in this loop}}
    void **tmp = zcalloc(sizeof(void *) * 8); // expected-warning {{'tmp' is allocated and freed on every iteration}}
    more(tmp != NULL);
    zfree(tmp); // expected-note {{'tmp' is freed here}}
  }
}
