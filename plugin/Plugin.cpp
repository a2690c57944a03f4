// The plugin's entry point: the version guard, argument parsing, policy
// loading, and the registration of the `memrules` action with clang.
#include "Arguments.h"
#include "Consumer.h"
#include "PolicyBinding.h"
#include "PolicyDependencies.h"

#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace clang;

namespace {

// A plugin runs inside the clang that loads it and calls its C++ API
// directly, so it only works in the clang version it was built for: built
// for 19 and loaded into 14 it crashes, the other way round it silently
// finds nothing. Refuse loudly instead. This object is constructed when the
// shared object is loaded, before the registration below.
struct VersionGuard {
  VersionGuard() {
    std::string Host = getClangFullVersion();
    std::string::size_type At = Host.find("version ");
    unsigned Major = 0, Minor = 0;
    if (At != std::string::npos)
      std::sscanf(Host.c_str() + At + 8, "%u.%u", &Major, &Minor);
    if (Major == CLANG_VERSION_MAJOR && Minor == CLANG_VERSION_MINOR)
      return;
    std::fprintf(stderr,
                 "error: memrules: libmemrules.so was built for clang %s but "
                 "is loaded into clang %u.%u; use a memrules built for this "
                 "clang (cmake -DMEMRULES_LLVM_VERSION=%u)\n",
                 CLANG_VERSION_STRING, Major, Minor, Major);
    std::_Exit(1);
  }
} Guard;

class MemrulesAction : public PluginASTAction {
public:
  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Raw) override {
    std::string Error;
    if (memrules::parseArguments(Raw, Args, Error))
      return true;
    // Returning false alone makes clang skip the plugin silently.
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0")) << Error;
    return false;
  }

  // Before the main action: in a -c compile our end-of-TU work then runs
  // before code generation's, which may clear the AST before the backend
  // (-clear-ast-before-backend; an after-main plugin keeps it alive through
  // the whole backend, +2.5 MB on a redis TU at -O2).
  ActionType getActionType() override { return AddBeforeMainAction; }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef InFile) override {
    auto Policy = memrules::PolicyBinding::load(CI, InFile, Args);
    if (!Policy)
      return std::make_unique<ASTConsumer>(); // the error is already reported
    memrules::addPolicyDependencies(CI, Policy->raw());
    return memrules::createConsumer(CI, std::move(Policy), Args);
  }

private:
  memrules::Arguments Args;
};

} // namespace

static FrontendPluginRegistry::Add<MemrulesAction>
    Registration("memrules", "enforce memory rules (memrules)");
