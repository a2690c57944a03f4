#include <stdlib.h>
#include <unistd.h>
static inline int sys_read_leak(int fd) {
  char *buf = malloc(16);
  if (!buf)
    return -1;
  if (read(fd, buf, 16) < 0)
    return -1;
  free(buf);
  return 0;
}
