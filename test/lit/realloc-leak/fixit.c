// The fix-it: the statement becomes a block that frees the old block when
// realloc fails and otherwise does what it did (the pointer ends up NULL on
// failure, as before). Applied, the code compiles cleanly and is silent.
// RUN: %memrules -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck --strict-whitespace %s
// RUN: cp %s %t.c && %clang -fsyntax-only -fplugin=%plugin -Xclang -fixit %t.c 2>/dev/null; FileCheck --strict-whitespace --check-prefix=FIXED --input-file %t.c %s
// RUN: %memrules -Wall -Wextra -Werror %t.c

#include <stdlib.h>

struct buf {
  char *data;
  size_t len;
};

int local(size_t n) {
  char *buf = malloc(16);
  if (!buf)
    return -1;
  buf = realloc(buf, n);
  // CHECK:fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:25}:"{\n    void *grown = realloc(buf, n);\n    if (!grown)\n      free(buf);\n    buf = grown;\n  }"
  // FIXED:{{^}}  {{[{]$}}
  // FIXED-NEXT:{{^}}    void *grown = realloc(buf, n);{{$}}
  // FIXED-NEXT:{{^}}    if (!grown){{$}}
  // FIXED-NEXT:{{^}}      free(buf);{{$}}
  // FIXED-NEXT:{{^}}    buf = grown;{{$}}
  // FIXED-NEXT:{{^}}  }{{$}}
  if (!buf)
    return -1;
  free(buf);
  return 0;
}

void field(struct buf *s, size_t n) {
	if (n > s->len) {
		s->data = (char *)realloc(s->data, n * 2);
		// CHECK:fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:45}:"{\n\t\t\tvoid *grown = (char *)realloc(s->data, n * 2);\n\t\t\tif (!grown)\n\t\t\t\tfree(s->data);\n\t\t\ts->data = grown;\n\t\t}"
		// FIXED:{{^}}		{{[{]$}}
		// FIXED-NEXT:{{^}}			void *grown = (char *)realloc(s->data, n * 2);{{$}}
		// FIXED-NEXT:{{^}}			if (!grown){{$}}
		// FIXED-NEXT:{{^}}				free(s->data);{{$}}
		// FIXED-NEXT:{{^}}			s->data = grown;{{$}}
		// FIXED-NEXT:{{^}}		}{{$}}
		s->len = s->data ? n * 2 : 0;
	}
}

void elements(int **rows, int i, size_t n) {
  rows[i] = reallocarray(rows[i], n, sizeof **rows); /* keep this comment */
  // CHECK:fix-it:"{{.*}}":{[[@LINE-1]]:3-[[@LINE-1]]:53}:"{\n    void *grown = reallocarray(rows[i], n, sizeof **rows);\n    if (!grown)\n      free(rows[i]);\n    rows[i] = grown;\n  }"
  // FIXED:{{^}}  {{[{]$}}
  // FIXED-NEXT:{{^}}    void *grown = reallocarray(rows[i], n, sizeof **rows);{{$}}
  // FIXED-NEXT:{{^}}    if (!grown){{$}}
  // FIXED-NEXT:{{^}}      free(rows[i]);{{$}}
  // FIXED-NEXT:{{^}}    rows[i] = grown;{{$}}
  // FIXED-NEXT:{{^}}  } /* keep this comment */{{$}}
}
