#include "PolicyDependencies.h"

#include "PortableCallbacks.h"

#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Preprocessor.h"

#include <string>
#include <vector>

using namespace clang;

namespace memrules {

namespace {

// Clang keeps its dependency-file writer to itself (the CompilerInstance
// owns it; its only inputs are preprocessor callbacks), and creates it before
// any plugin runs, too late for -fdepfile-entry style extra inputs. So the
// policy files are announced through the callback that means "the compile
// looked at this file": HasInclude, the one __has_include makes. Nothing else
// in clang acts on it (-H and -E follow file changes instead).
//
// They are announced at the end of the main file, just before the writer
// (which was registered earlier, so runs after this) writes the file: the
// main source must stay the first input, because -MP writes an empty rule for
// every input but the first, and that rule is what lets make go on when a
// policy file is deleted.
class Announcer : public PortableCallbacks {
public:
  Announcer(Preprocessor &PP, FileManager &Files, std::vector<std::string> Paths)
      : PP(PP), Files(Files), Paths(std::move(Paths)) {}

  void EndOfMainFile() override {
    PPCallbacks *Listeners = PP.getPPCallbacks();
    for (const std::string &Path : Paths) {
      auto File = Files.getOptionalFileRef(Path);
      if (File)
        Listeners->HasInclude(SourceLocation(), Path, /*IsAngled=*/false, File,
                              SrcMgr::C_User);
    }
  }

private:
  Preprocessor &PP;
  FileManager &Files;
  std::vector<std::string> Paths;
};

} // namespace

void addPolicyDependencies(CompilerInstance &CI, const mr_policy &Policy) {
  Preprocessor &PP = CI.getPreprocessor();
  // Without -MD/-MMD/-MF (or -H) nobody listens, and there is nothing to add.
  if (!PP.getPPCallbacks() || mr_policy_source_count(&Policy) == 0)
    return;
  std::vector<std::string> Paths;
  for (size_t I = 0, N = mr_policy_source_count(&Policy); I < N; ++I)
    Paths.push_back(mr_policy_source(&Policy, I));
  PP.addPPCallbacks(
      std::make_unique<Announcer>(PP, CI.getFileManager(), std::move(Paths)));
}

} // namespace memrules
