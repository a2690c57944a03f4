#pragma clang system_header
#include <map>
#include <string>
int sys_lookup(const std::string &key);
struct SysHolder {
  std::string value;
  int read() const {
    std::string v = value;
    return sys_lookup(v);
  }
};
inline size_t sys_has(const std::map<std::string, int> &m, const char *p) {
  return m.count(std::string(p));
}
