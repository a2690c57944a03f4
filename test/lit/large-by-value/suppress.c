// Suppression and severity: an inline comment, an annotate attribute on the
// function, and the rule turned off in a policy.
// RUN: %memrules --target=x86_64-linux-gnu -Xclang -verify %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/off.yaml -Xclang -verify=off %s
// off-no-diagnostics

struct big { char bytes[256]; };

// memrules:ignore(large-by-value) the ABI is frozen
int ignored(struct big b) { return b.bytes[0]; }

__attribute__((annotate("memrules::ignore(large-by-value)")))
int annotated(struct big b) { return b.bytes[1]; }

int reported(struct big b) { return b.bytes[2]; } // expected-warning {{parameter 'b' copies all 256 bytes}}
