/* A system header (found through -isystem) that also hands a macro to its
   includers. */
#define PADDED(name) \
  struct name { char a; double b; char c; double d; char e; double f; char g; };
PADDED(in_system)
