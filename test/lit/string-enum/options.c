// min-literals: 3 by default; the strict value 2 flags a two-word vocabulary.
// RUN: %memrules -Xclang -verify=default %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/strict.yaml -Xclang -verify=strict %s
// default-no-diagnostics

#include <string.h>

struct door {
  const char *state; // strict-warning {{field 'state' only ever holds string literals in this file (2: "open", "shut")}}
};

void open_door(struct door *d) { d->state = "open"; } // strict-note {{"open" is stored here}}
void shut_door(struct door *d) { d->state = "shut"; } // strict-note {{"shut" is stored here}}
int is_open(const struct door *d) { return strcmp(d->state, "open") == 0; } // strict-note {{'state' is compared with a string literal here}}

void swing(int in, int *out) {
  const char *side = in ? "left" : "right";
  if (strcmp(side, "left") == 0) // strict-warning {{'side' is compared with 2 string literals ("left", "right") in this function}}
    *out = in;
  else if (strcmp(side, "right") == 0) // strict-note {{compared with "right" here}}
    *out = -in;
}
