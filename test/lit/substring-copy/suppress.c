// On by default (recommended profile), off in a policy, silenced inline.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics
#define _GNU_SOURCE 1
#include <string.h>

void flagged(const char *text, char **out) { // expected-note {{the buffer}}
  for (int i = 0; i < 4; i++) // expected-note {{the loop}}
    out[i] = strndup(text + 2 * i, 2); // expected-warning {{[memrules-substring-copy]}} expected-note {{the copy is kept in a record here}}
}

void ignored(const char *text, char **out) {
  for (int i = 0; i < 4; i++)
    // memrules:ignore(substring-copy) the caller frees text right after
    out[i] = strndup(text + 2 * i, 2);
}
