/*
** One table, two renderings: aligned plain text for a terminal or a CI log,
** and a markdown table for a pull-request comment. Rows are JSON arrays of
** strings; the first row is the header, and columns after the first are
** numbers (right-aligned).
*/
#include <string.h>

#include "report_table.h"

/* Display width: UTF-8 continuation bytes (the arrow, the minus) take none. */
static int width(const char *s) {
  int w = 0;
  for (; *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
  return w;
}

static void pad(FILE *out, int n) {
  while (n-- > 0) fputc(' ', out);
}

static void print_text(FILE *out, json_t *rows) {
  int widths[8] = {0};
  size_t r, c;
  json_t *row, *cell;
  json_array_foreach(rows, r, row) json_array_foreach(row, c, cell)
    if (c < 8 && width(json_string_value(cell)) > widths[c])
      widths[c] = width(json_string_value(cell));
  json_array_foreach(rows, r, row) {
    json_array_foreach(row, c, cell) {
      const char *s = json_string_value(cell);
      int gap = c < 8 ? widths[c] - width(s) : 0;
      if (c > 0) pad(out, 2 + gap);
      fputs(s, out);
      if (c == 0 && c + 1 < json_array_size(row)) pad(out, gap);
    }
    fputc('\n', out);
  }
}

static void print_markdown(FILE *out, json_t *rows) {
  size_t r, c;
  json_t *row, *cell;
  json_array_foreach(rows, r, row) {
    json_array_foreach(row, c, cell) {
      fputs("| ", out);
      for (const char *s = json_string_value(cell); *s; s++) {
        if (*s == '|') fputc('\\', out); /* a bare | would end the cell */
        fputc(*s, out);
      }
      fputc(' ', out);
    }
    fputs("|\n", out);
    if (r == 0) {
      for (c = 0; c < json_array_size(row); c++) fputs(c ? "|---:" : "|---", out);
      fputs("|\n", out);
    }
  }
}

void mr_table_print(FILE *out, json_t *rows, int markdown) {
  (markdown ? print_markdown : print_text)(out, rows);
}

void mr_table_heading(FILE *out, const char *title, int markdown) {
  fprintf(out, markdown ? "\n### %s\n\n" : "\n%s\n", title);
}
