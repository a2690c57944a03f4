#pragma clang system_header
struct sys_big { char bytes[512]; };
static inline int sys_first(struct sys_big b) { return b.bytes[0]; }
