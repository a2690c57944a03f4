// The policy as the plugin sees it: loaded once per compile (from the
// policy= argument, the nearest .memrules.yaml, or the built-in default), then
// asked per file for its settings, exclusion and hotness (cached per FileID).
#ifndef MEMRULES_PLUGIN_POLICYBINDING_H
#define MEMRULES_PLUGIN_POLICYBINDING_H

#include "memrules_policy.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

#include <memory>

namespace clang {
class CompilerInstance;
}

namespace memrules {

struct Arguments;

class PolicyBinding {
public:
  // Loads the policy for the compile of MainFile. On a broken policy, reports
  // an error at the policy's file:line:col and returns null.
  static std::unique_ptr<PolicyBinding> load(clang::CompilerInstance &CI,
                                             llvm::StringRef MainFile,
                                             const Arguments &Args);
  ~PolicyBinding();

  struct FileFacts {
    mr_settings Settings;
    bool Excluded;
    bool Hot;
  };
  const FileFacts &factsFor(clang::FileID FID);

  // The settings of the main file: which checks need to run at all.
  const mr_settings &mainSettings() { return factsFor(SM.getMainFileID()).Settings; }
  bool isHotFunctionName(llvm::StringRef Name) const;
  // Is Name listed under the policy's `log-functions`?
  bool isLogFunction(llvm::StringRef Name) const;
  const mr_policy &raw() const { return *Policy; }

private:
  PolicyBinding(mr_policy *Policy, clang::SourceManager &SM)
      : Policy(Policy), SM(SM) {}
  mr_policy *Policy;
  clang::SourceManager &SM;
  llvm::DenseMap<clang::FileID, std::unique_ptr<FileFacts>> Cache;
};

} // namespace memrules

#endif
