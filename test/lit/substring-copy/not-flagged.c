// What substring-copy must not flag: one negative per clause of RULES.md's
// substring-copy section and its docs page.
// RUN: %memrules --target=x86_64-linux-gnu -fplugin-arg-memrules-policy=%S/Inputs/only.yaml -isystem %S/Inputs -Xclang -verify %s
// expected-no-diagnostics
#define _GNU_SOURCE 1
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys.h>

struct rec { char *name; char *path; int n; };
void insert(struct rec *table, char *key);
void normalize(char *text);
char *next_chunk(void);

// The buffer is refilled on every iteration (fgets into a line buffer): the
// copy is required.
void refilled(FILE *in, struct rec *out) {
  char line[256];
  for (int i = 0; fgets(line, sizeof line, in); i++)
    out[i].name = strndup(line, strcspn(line, "\n"));
}

// getline: the buffer is reallocated and refilled on every iteration.
void by_getline(FILE *in, struct rec *out) {
  char *line = NULL;
  size_t cap = 0;
  for (int i = 0; getline(&line, &cap, in) > 0; i++)
    out[i].name = strndup(line, 4);
  free(line);
}

// An outer loop refills the buffer that the inner loop slices.
void outer_refill(int fd, char *buf, size_t size, struct rec *out) {
  while (read(fd, buf, size) > 0)
    for (int i = 0; i < 4; i++)
      out[i].name = strndup(buf + i * 8, 8);
}

// The buffer is written in the loop (tokenised in place).
void written(char *text, struct rec *out) {
  char *p = text;
  for (int i = 0; i < 4; i++) {
    char *end = strchr(p, ',');
    if (!end)
      break;
    *end = '\0';
    out[i].name = strndup(p, (size_t)(end - p));
    p = end + 1;
  }
}

// Written through another pointer into it, or through strchr's result.
void written_by_alias(char *text, struct rec *out) {
  char *w = text + 1;
  for (int i = 0; i < 4; i++) {
    out[i].name = strndup(text + i, 2);
    w[i] = ' ';
  }
}
void written_through_call_result(char *text, struct rec *out) {
  for (int i = 0; i < 4; i++) {
    out[i].name = strndup(text + i, 2);
    *strchr(text, ',') = ';';
  }
}

// The buffer handed to a function that may write or free it.
void handed_on(char *text, struct rec *out) {
  for (int i = 0; i < 4; i++) {
    out[i].name = strndup(text + i, 2);
    normalize(text);
  }
}

// A pointer into the buffer comes back through an argument.
void strtol_end(const char *text, struct rec *out) {
  const char *p = text;
  for (int i = 0; i < 4; i++) {
    char *end;
    out[i].n = (int)strtol(p, &end, 10);
    out[i].name = strndup(p, (size_t)(end - p));
    p = end;
  }
}

// A cursor kept in memory, where anyone may move or write through it.
struct lexer { const char *pos; };
void cursor_in_memory(const char *text, struct lexer *lx, struct rec *out) {
  const char *p = text;
  for (int i = 0; i < 4; i++) {
    out[i].name = strndup(p, 2);
    lx->pos = p;
    p += 2;
  }
}

// The buffer reassigned in the loop: each copy comes from a new buffer.
void reassigned(char *text, struct rec *out) {
  for (int i = 0; i < 4; i++) {
    out[i].name = strndup(text, 3);
    text = next_chunk();
  }
}

// The buffer is freed in the function: the records would outlive it.
char **freed_after(FILE *in, size_t size) {
  char *buf = malloc(size + 1);
  char **out = calloc(8, sizeof *out);
  if (!buf || !out || fread(buf, 1, size, in) != size)
    return NULL;
  buf[size] = '\0';
  for (int i = 0; i < 8; i++)
    out[i] = strndup(buf + i, 1);
  free(buf);
  return out;
}

// A parameter buffer freed after the loop.
void param_freed(char *text, struct rec *out) {
  for (int i = 0; i < 4; i++)
    out[i].name = strndup(text + i, 1);
  free(text);
}

// A local array dies with the function; the records may not.
void local_array(struct rec *out) {
  char buf[64] = "alpha beta gamma";
  for (int i = 0; i < 3; i++)
    out[i].name = strndup(buf + 6 * i, 5);
}

// A global or static buffer anyone may change (a reused static buffer).
char shared[128];
void global_buffer(struct rec *out) {
  for (int i = 0; i < 4; i++)
    out[i].name = strndup(shared + i, 2);
}
void static_buffer(FILE *in, struct rec *out) {
  static char last[128];
  if (!fgets(last, sizeof last, in))
    return;
  for (int i = 0; i < 4; i++)
    out[i].name = strndup(last + i, 2);
}

// The buffer allocated in the loop itself.
void allocated_in_loop(FILE *in, struct rec *out) {
  for (int i = 0; i < 4; i++) {
    char *chunk = malloc(16);
    if (!chunk || !fgets(chunk, 16, in))
      return;
    out[i].name = strndup(chunk, 4);
  }
}

// The copy is modified afterwards: written to, tokenised, case-folded.
void copy_written(const char *text, struct rec *out) {
  for (int i = 0; i < 4; i++) {
    char *name = strndup(text + i, 3);
    if (!name)
      return;
    name[0] = (char)toupper((unsigned char)name[0]);
    out[i].name = name;
  }
}
void copy_tokenised(const char *text, struct rec *out) {
  for (int i = 0; i < 4; i++) {
    out[i].name = strndup(text + 4 * i, 3);
    strtok(out[i].name, ":");
  }
}
void copy_case_folded(const char *text, struct rec *out) {
  for (int i = 0; i < 4; i++) {
    char *name = strndup(text + i, 3);
    for (char *c = name; c && *c; c++)
      *c = (char)tolower((unsigned char)*c);
    out[i].name = name;
  }
}

// The copy is kept in a local only, passed elsewhere, or returned.
int local_only(const char *text) {
  int total = 0;
  for (int i = 0; i < 4; i++) {
    char *num = strndup(text + 2 * i, 2);
    total += atoi(num);
    free(num);
  }
  return total;
}
void passed_elsewhere(const char *text, struct rec *table) {
  for (int i = 0; i < 4; i++) {
    char *key = strndup(text + i, 2);
    insert(table, key);
  }
}
char *returned(const char *text, int n) {
  for (int i = 0; i < n; i++)
    if (text[i] == '=')
      return strndup(text, (size_t)i);
  return NULL;
}

// The copy's NUL terminator is needed by an API it is passed to.
void needs_nul(const char *text, struct rec *out, int *fds) {
  for (int i = 0; i < 4; i++) {
    out[i].path = strndup(text + 8 * i, 7);
    fds[i] = open(out[i].path, O_RDONLY);
  }
}
void needs_nul_memcpy(const char *text, struct rec *out) {
  for (int i = 0; i < 4; i++) {
    char *num = malloc(3 + 1);
    if (!num)
      return;
    memcpy(num, text + 3 * i, 3);
    num[3] = 0;
    out[i].n = atoi(num);
    out[i].name = num;
  }
}

// Not the malloc(n + 1) + memcpy + NUL shape: no terminator (bytes, not a
// string), or a size that is not the copied length plus one.
void no_nul(const char *text, struct rec *out) {
  for (int i = 0; i < 4; i++) {
    char *bytes = malloc(4 + 1);
    if (!bytes)
      return;
    memcpy(bytes, text + 4 * i, 4);
    out[i].name = bytes;
  }
}
void other_size(const char *text, struct rec *out, size_t len) {
  for (int i = 0; i < 4; i++) {
    char *s = malloc(len + 2);
    if (!s)
      return;
    memcpy(s, text, len);
    s[len] = 0;
    out[i].name = s;
  }
}

// Not in a loop, in a loop that runs once, or on the error path of a loop.
void no_loop(const char *text, struct rec *out) {
  out->name = strndup(text, 4);
}
void runs_once(const char *text, struct rec *out) {
  do {
    out->name = strndup(text, 4);
  } while (0);
}
void bail_out(const char *text, struct rec *out, char **error) {
  for (int i = 0; i < 4; i++) {
    if (text[i] == '!') {
      error[0] = strndup(text, (size_t)i);
      break;
    }
    out[i].n = text[i];
  }
}

// The source is not a slice of one buffer: a different string each time.
void not_one_buffer(char **argv, int argc, struct rec *out) {
  for (int i = 0; i < argc; i++)
    out[i].name = strndup(argv[i], 8);
}

// In a system header.
void from_system(const char *text, char **out) { sys_words(text, out); }

// A pointer into the buffer kept before the loop (by a reader that may
// write through it on every step).
struct reader { char *cur; };
void reader_init(struct reader *r, char *buf);
void reader_step(struct reader *r);
void kept_before_loop(char *text, struct rec *out) {
  struct reader r;
  reader_init(&r, text);
  for (int i = 0; i < 4; i++) {
    out[i].name = strndup(text + i, 2);
    reader_step(&r);
  }
}
