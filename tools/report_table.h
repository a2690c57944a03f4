/*
** Tables for the text and markdown summaries (report_table.c).
*/
#ifndef MEMRULES_TOOLS_REPORT_TABLE_H
#define MEMRULES_TOOLS_REPORT_TABLE_H

#include <jansson.h>
#include <stdio.h>

/* rows: array of arrays of strings, the first the header. */
void mr_table_print(FILE *out, json_t *rows, int markdown);

/* A section title above a table or list. */
void mr_table_heading(FILE *out, const char *title, int markdown);

#endif
