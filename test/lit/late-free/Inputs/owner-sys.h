#pragma clang system_header
#include <cstddef>
#include <vector>

void visit(int node);

inline int sys_owner(std::size_t n, int rounds) {
  std::vector<char> buf(n);
  buf[0] = 1;
  for (int i = 0; i < rounds; i++)
    visit(i);
  return 0;
}
