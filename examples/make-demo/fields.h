#ifndef FIELDS_H
#define FIELDS_H

#include <stddef.h>

/* The fields of one line, pointing into the line. */
struct fields {
  char **item;
  size_t count;
  size_t cap;
};

int split_fields(char *line, struct fields *out);

#endif
