// A system header: its unions are not the project's to change.
struct sys_big { double m[64]; };
union sys_value {
  int i;
  struct sys_big big;
};
struct sys_tagged {
  int tag;
  union {
    long l;
    struct sys_big big;
  };
};
