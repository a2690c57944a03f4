#include "Arguments.h"

namespace memrules {

static const char KnownArguments[] =
    "known: policy=FILE, werror, profile (as -fplugin-arg-memrules-policy=FILE)";

bool parseArguments(const std::vector<std::string> &Args, Arguments &Out,
                    std::string &Error) {
  for (const std::string &Arg : Args) {
    std::string::size_type Eq = Arg.find('=');
    std::string Key = Arg.substr(0, Eq);
    bool HasValue = Eq != std::string::npos;
    std::string Value = HasValue ? Arg.substr(Eq + 1) : std::string();
    if (Key == "policy" && HasValue && !Value.empty()) {
      Out.PolicyFile = Value;
    } else if (Key == "policy") {
      Error = "memrules argument 'policy' needs a file: "
              "-fplugin-arg-memrules-policy=FILE";
      return false;
    } else if (Key == "werror" && !HasValue) {
      Out.Werror = true;
    } else if (Key == "profile" && !HasValue) {
      Out.Profile = true;
    } else {
      Error = "unknown memrules argument '" + Arg + "' (" + KnownArguments + ")";
      return false;
    }
  }
  return true;
}

} // namespace memrules
