/*
** One table, two renderings: aligned plain text for a terminal or a CI log,
** and a markdown table for a pull-request comment. Rows are JSON arrays of
** strings; the first row is the header. A column whose cells are all
** integers is right-aligned, any other left-aligned.
*/
#include <string.h>

#include "report_table.h"

/* Display width: UTF-8 continuation bytes (the arrow, the minus) take none. */
static int width(const char *s) {
  int w = 0;
  for (; *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
  return w;
}

#define MAX_COLUMNS 8

static int is_integer(const char *s) {
  if (*s == '-') s++;
  if (!*s) return 0;
  for (; *s; s++)
    if (*s < '0' || *s > '9') return 0;
  return 1;
}

/* numeric[c]: every body cell of column c is an integer. */
static void numeric_columns(json_t *rows, int numeric[MAX_COLUMNS]) {
  for (int c = 0; c < MAX_COLUMNS; c++) numeric[c] = json_array_size(rows) > 1;
  size_t r, c;
  json_t *row, *cell;
  json_array_foreach(rows, r, row) json_array_foreach(row, c, cell)
    if (r > 0 && c < MAX_COLUMNS && !is_integer(json_string_value(cell))) numeric[c] = 0;
}

static void pad(FILE *out, int n) {
  while (n-- > 0) fputc(' ', out);
}

static void print_text(FILE *out, json_t *rows) {
  int widths[MAX_COLUMNS] = {0}, numeric[MAX_COLUMNS];
  numeric_columns(rows, numeric);
  size_t r, c;
  json_t *row, *cell;
  json_array_foreach(rows, r, row) json_array_foreach(row, c, cell)
    if (c < MAX_COLUMNS && width(json_string_value(cell)) > widths[c])
      widths[c] = width(json_string_value(cell));
  json_array_foreach(rows, r, row) {
    json_array_foreach(row, c, cell) {
      const char *s = json_string_value(cell);
      int gap = c < MAX_COLUMNS ? widths[c] - width(s) : 0;
      int last = c + 1 == json_array_size(row);
      if (c > 0) pad(out, 2);
      if (numeric[c]) pad(out, gap);
      fputs(s, out);
      if (!numeric[c] && !last) pad(out, gap);
    }
    fputc('\n', out);
  }
}

static void print_markdown(FILE *out, json_t *rows) {
  int numeric[MAX_COLUMNS];
  numeric_columns(rows, numeric);
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
      for (c = 0; c < json_array_size(row); c++) fputs(c < MAX_COLUMNS && numeric[c] ? "|---:" : "|---", out);
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
