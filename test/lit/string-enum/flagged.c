// What string-enum must flag in C: a value compared with several string
// literals in one function, when the value is internal state.
// RUN: %memrules -Xclang -verify %s

#include <string.h>
#include <strings.h>

void run_fast(void);

struct conn {
  const char *state;
  int fd;
};

// A local that only ever holds literals.
int cost(int fast, int slow) {
  const char *mode = "auto";
  if (fast)
    mode = "fast";
  else if (slow)
    mode = "slow";
  int c = 0;
  if (strcmp(mode, "fast") == 0) // expected-warning {{'mode' is compared with 3 string literals ("fast", "slow", "auto") in this function; a fixed vocabulary is cheaper and safer as an enum [memrules-string-enum]}}
    c = 1;
  else if (strcmp(mode, "slow") == 0) // expected-note {{compared with "slow" here}}
    c = 10;
  else if (strcmp(mode, "auto") == 0) // expected-note {{compared with "auto" here}}
    c = 5;
  return c;
}

// !strcmp, strcasecmp (case-insensitive: "ON" and "on" are one literal),
// strncmp with a length covering the literal, and a bare condition.
int level(int v) {
  const char *lvl = v > 10 ? "high" : v > 5 ? "mid" : "low";
  int r = 0;
  if (!strcasecmp(lvl, "high")) // expected-warning {{'lvl' is compared with 4 string literals ("high", "mid", "low", "off") in this function}}
    r = 3;
  if (!strcasecmp(lvl, "HIGH")) // expected-note {{compared with "HIGH" here}}
    r += 1;
  if (strncmp(lvl, "mid", 3) == 0) // expected-note {{compared with "mid" here}}
    r = 2;
  if (!strncasecmp(lvl, "low", 4)) // expected-note {{compared with "low" here}}
    r = 1;
  if (strcmp(lvl, "off")) // expected-note {{and 1 more comparison}}
    r++;
  return r;
}

// A field compared in a state machine whose branches move the state on:
// the value is not outside text being mapped to constants.
void advance(struct conn *c, const char *next) {
  if (strcmp(c->state, "idle") == 0) // expected-warning {{'c->state' is compared with 3 string literals ("idle", "connecting", "open") in this function}}
    c->state = next;
  else if (strcmp(c->state, "connecting") == 0) // expected-note {{compared with "connecting" here}}
    c->state = next;
  else if (strcmp(c->state, "open") == 0) // expected-note {{compared with "open" here}}
    c->state = next;
}
