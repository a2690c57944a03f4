#include "run_progress.h"

#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

enum { BAR_WIDTH = 30 };

static int columns(FILE *out) {
  struct winsize ws;
  if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

static void clear_bar(struct mr_progress *p) {
  if (p->bar) fputs("\r\033[K", p->out);
}

/* "[=========>          ] 12/93 src/file.c", cut to the terminal's width
** (a wrapped bar could not be redrawn in place). */
static void draw_bar(struct mr_progress *p) {
  if (!p->bar) return;
  size_t filled = p->total ? p->done * BAR_WIDTH / p->total : BAR_WIDTH;
  char line[512];
  int n = snprintf(line, sizeof line, "[");
  for (size_t i = 0; i < BAR_WIDTH; i++)
    line[n++] = i < filled ? '=' : i == filled ? '>' : ' ';
  snprintf(line + n, sizeof line - (size_t)n, "] %zu/%zu %s", p->done, p->total,
           p->current ? p->current : "");
  int width = columns(p->out) - 1;
  if (width > 0 && (size_t)width < strlen(line)) line[width] = '\0';
  clear_bar(p);
  fputs(line, p->out);
  fflush(p->out);
}

void mr_progress_init(struct mr_progress *p, FILE *out, size_t total) {
  p->out = out;
  p->bar = isatty(fileno(out));
  p->total = total;
  p->done = 0;
  p->current = NULL;
  draw_bar(p);
}

void mr_progress_started(struct mr_progress *p, const char *file) {
  p->current = file;
  draw_bar(p);
}

void mr_progress_finished(struct mr_progress *p, const char *file,
                          const char *output, size_t length) {
  p->done++;
  clear_bar(p);
  if (!p->bar) fprintf(p->out, "[%zu/%zu] %s\n", p->done, p->total, file);
  fwrite(output, 1, length, p->out);
  if (length && output[length - 1] != '\n') fputc('\n', p->out);
  fflush(p->out);
  draw_bar(p);
}

void mr_progress_end(struct mr_progress *p) {
  clear_bar(p);
  fflush(p->out);
}
