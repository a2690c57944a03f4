#include "Arguments.h"

namespace memrules {

static const char KnownArguments[] =
    "known: policy=FILE, werror, profile, report-dir=DIR, baseline=FILE, "
    "print-wrappers "
    "(as -fplugin-arg-memrules-policy=FILE)";

// The arguments that take a value: where it goes, and what it is called.
struct ValueArgument {
  const char *Key;
  const char *Noun;        // "file"
  const char *Placeholder; // "FILE"
  std::string Arguments::*Field;
};
static const ValueArgument ValueArguments[] = {
    {"policy", "file", "FILE", &Arguments::PolicyFile},
    {"report-dir", "directory", "DIR", &Arguments::ReportDir},
    {"baseline", "file", "FILE", &Arguments::Baseline},
};

static const ValueArgument *valueArgument(const std::string &Key) {
  for (const ValueArgument &A : ValueArguments)
    if (Key == A.Key)
      return &A;
  return nullptr;
}

bool parseArguments(const std::vector<std::string> &Args, Arguments &Out,
                    std::string &Error) {
  for (const std::string &Arg : Args) {
    std::string::size_type Eq = Arg.find('=');
    std::string Key = Arg.substr(0, Eq);
    bool HasValue = Eq != std::string::npos;
    std::string Value = HasValue ? Arg.substr(Eq + 1) : std::string();
    if (const ValueArgument *A = valueArgument(Key)) {
      if (Value.empty()) {
        Error = std::string("memrules argument '") + A->Key + "' needs a " +
                A->Noun + ": -fplugin-arg-memrules-" + A->Key + "=" +
                A->Placeholder;
        return false;
      }
      Out.*(A->Field) = Value;
    } else if (Key == "werror" && !HasValue) {
      Out.Werror = true;
    } else if (Key == "profile" && !HasValue) {
      Out.Profile = true;
    } else if (Key == "print-wrappers" && !HasValue) {
      Out.PrintWrappers = true;
    } else {
      Error = "unknown memrules argument '" + Arg + "' (" + KnownArguments + ")";
      return false;
    }
  }
  return true;
}

} // namespace memrules
