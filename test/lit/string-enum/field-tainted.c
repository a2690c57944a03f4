// Form 2 stays silent on a field that holds anything but literals, and on a
// field that is never compared with a literal (a label or a lookup name).
// RUN: %memrules -Xclang -verify %s
// expected-no-diagnostics

#include <string.h>

char *read_name(void);
void set_ptr(const char **slot);
void handler_a(void);
void handler_b(void);

// Also assigned a non-literal.
struct animal {
  const char *sound;
};
void bark(struct animal *a) { a->sound = "woof"; }
void mew(struct animal *a) { a->sound = "meow"; }
void moo(struct animal *a) { a->sound = "moo"; }
void custom(struct animal *a) { a->sound = read_name(); }
int loud(const struct animal *a) {
  return strcmp(a->sound, "woof") == 0 || strcmp(a->sound, "moo") == 0;
}

// Its address is taken.
struct plant {
  const char *kind;
};
static struct plant garden[] = {{"tree"}, {"bush"}, {"herb"}};
void plant_fill(struct plant *p) { set_ptr(&p->kind); }
int plant_is_tree(const struct plant *p) { return !strcmp(p->kind, "tree"); }

// Modified in place.
struct cursor {
  const char *at;
};
void step(struct cursor *c) {
  c->at = "abc";
  c->at = "def";
  c->at = "ghi";
  c->at++;
}
int at_abc(struct cursor *c) { return !strcmp(c->at, "abc"); }

// A lookup table: names only compared with outside text, never a literal.
struct command {
  const char *name;
  void (*fn)(void);
};
static const struct command commands[] = {
    {"alpha", handler_a}, {"beta", handler_b}, {"gamma", handler_a}};
void run_command(const char *line) {
  for (unsigned i = 0; i < sizeof commands / sizeof *commands; i++)
    if (strcmp(commands[i].name, line) == 0)
      commands[i].fn();
}

// Messages: never compared at all.
struct error_text {
  int code;
  const char *msg;
};
static const struct error_text errors[] = {
    {1, "out of memory"}, {2, "bad input"}, {3, "timeout"}};
const char *message(int code) {
  for (unsigned i = 0; i < 3; i++)
    if (errors[i].code == code)
      return errors[i].msg;
  return "unknown";
}
