#include <variant>
struct SysBig { double m[64]; };
typedef std::variant<int, SysBig> sys_variant_t;
std::variant<char, SysBig> sys_global;
