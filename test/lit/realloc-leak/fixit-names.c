// The temporary's name is one the translation unit never uses.
// RUN: %memrules -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck --strict-whitespace %s
// RUN: cp %s %t.c && %clang -fsyntax-only -fplugin=%plugin -Xclang -fixit %t.c 2>/dev/null; %memrules -Wall -Wextra -Werror %t.c

#include <stdlib.h>

int grown; // taken

size_t sized(size_t n) { return n + (size_t)grown; }

void named_after_the_pointer(char **list, size_t n) {
  char *items = malloc(1); // a block of its own: a copy of *list would still hold it
  items = realloc(items, sized(n));
  // CHECK:fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:36}:"{\n    void *grown_items = realloc(items, sized(n));\n    if (!grown_items)\n      free(items);\n    items = grown_items;\n  }"
  *list = items;
}

void numbered(char **grown_p, size_t n) {
  *grown_p = realloc(*grown_p, n);
  // CHECK:fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:35}:"{\n    void *grown2 = realloc(*grown_p, n);\n    if (!grown2)\n      free(*grown_p);\n    *grown_p = grown2;\n  }"
}
