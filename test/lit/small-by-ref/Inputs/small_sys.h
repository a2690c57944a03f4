#pragma clang system_header
struct sys_pair { int a, b; };
static inline int sys_sum(const struct sys_pair *p) { return p->a + p->b; }
