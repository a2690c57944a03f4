#include <stdlib.h>
#include <string.h>

#include "fields.h"

/* Splits line at commas; returns the number of fields, or -1 when out of
** memory. */
int split_fields(char *line, struct fields *out) {
  out->count = 0;
  for (char *f = strtok(line, ","); f; f = strtok(NULL, ",")) {
    if (out->count == out->cap) {
      out->cap = out->cap ? out->cap * 2 : 8;
      out->item = realloc(out->item, out->cap * sizeof *out->item);
      if (!out->item)
        return -1;
    }
    out->item[out->count++] = f;
  }
  return (int)out->count;
}
