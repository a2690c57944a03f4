// A system header with a scratch container in a loop, and a macro that
// declares one.
#include <string>
#include <vector>

inline void sys_join(const std::vector<std::string> &parts) {
  for (const auto &p : parts) {
    std::string line;
    line += p;
    line += "\n";
  }
}

#define SYS_SCRATCH(name) std::vector<int> name; name.push_back(1)
