// A family's strndup (glib's g_strndup, with the glib preset) is a slice
// copy too; without the preset the project function is not known.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/glib.yaml -Xclang -verify %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify=nopreset %s
// nopreset-no-diagnostics
#include <stddef.h>
#include <string.h>

char *g_strndup(const char *str, size_t n);
void g_free(void *p);

struct token { char *text; int kind; };

void tokens(const char *src, struct token *out, int n) { // expected-note {{the buffer}}
  const char *p = src;
  for (int i = 0; i < n; i++) { // expected-note {{the loop}}
    size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyz");
    out[i].text = g_strndup(p, len); // expected-warning {{a slice of 'src' is copied by g_strndup on every iteration}} expected-note {{the copy is kept in a record here}}
    out[i].kind = 1;
    p += len + 1;
  }
}
