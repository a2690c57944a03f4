// log-functions: the policy's list makes a project function an output.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/log.yaml -Xclang -verify %s
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -Xclang -verify=unlisted %s
// unlisted-no-diagnostics
#define _GNU_SOURCE 1
#include <stdio.h>
#include <stdlib.h>

void log_msg(const char *text);

void retry(int attempt) {
  char *msg;
  if (asprintf(&msg, "retry %d", attempt) < 0) // expected-warning {{'msg' is formatted into a heap buffer only to be passed to log_msg once and freed}}
    return;
  log_msg(msg); // expected-note {{its only use}}
  free(msg); // expected-note {{freed here}}
}
