#pragma clang system_header
#include <map>
#include <string>
typedef std::map<std::string, int> SysTable;
