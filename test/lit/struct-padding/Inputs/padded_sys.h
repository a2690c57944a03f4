/* A system header: its records are never reported. */
struct sys_conn {
  char state;
  void *ctx;
  char flags;
  const char *host;
  char retries;
  void *buf;
  char tag;
  long deadline;
};
