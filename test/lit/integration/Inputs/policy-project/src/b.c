#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  for (int i = 0; i < argc; i++) {
    char *copy = malloc(strlen(argv[i]) + 1);
    if (!copy)
      return 1;
    strcpy(copy, argv[i]);
    free(copy);
  }
  return 0;
}
