#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"

/* Prints how many comma-separated fields each line of stdin has. */
int main(void) {
  char line[4096];
  struct fields f = {0};
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = '\0';
    char *copy = malloc(strlen(line) + 1);
    if (!copy)
      return 1;
    strcpy(copy, line);
    int n = split_fields(copy, &f);
    if (n < 0)
      return 1;
    printf("%d fields, first: %s\n", n, n > 0 ? f.item[0] : "");
    free(copy);
  }
  free(f.item);
  return 0;
}
