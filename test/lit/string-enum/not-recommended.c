// string-enum is not in the recommended profile (it costs ~5% of a
// sqlite3.c compile): the recommended policy reports nothing here, strict
// reports the chain.
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/recommended.yaml -Xclang -verify=recommended %s
// RUN: %memrules -fplugin-arg-memrules-policy=%S/Inputs/strict.yaml -Xclang -verify=strict %s
// recommended-no-diagnostics

#include <string.h>

int cost(int fast, int slow) {
  const char *mode = "auto";
  if (fast)
    mode = "fast";
  else if (slow)
    mode = "slow";
  int c = 0;
  if (strcmp(mode, "fast") == 0) // strict-warning {{'mode' is compared with 3 string literals}}
    c = 1;
  else if (strcmp(mode, "slow") == 0) // strict-note {{compared with "slow" here}}
    c = 10;
  else if (strcmp(mode, "auto") == 0) // strict-note {{compared with "auto" here}}
    c = 5;
  return c;
}
