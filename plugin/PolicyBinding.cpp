#include "PolicyBinding.h"

#include "Arguments.h"

#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"

#include <string>

using namespace clang;

namespace memrules {

// A policy error points into the policy file like a compiler error points
// into source: the file is registered with the SourceManager so clang prints
// file:line:col, the offending line and a caret.
static void reportPolicyError(CompilerInstance &CI, const mr_error &Err) {
  DiagnosticsEngine &Diags = CI.getDiagnostics();
  unsigned ID = Diags.getCustomDiagID(DiagnosticsEngine::Error,
                                      "%0 (memrules policy)");
  SourceLocation Loc;
  if (Err.line > 0) {
    SourceManager &SM = CI.getSourceManager();
    auto File = CI.getFileManager().getFileRef(Err.file);
    if (File) {
      FileID FID = SM.createFileID(*File, SourceLocation(), SrcMgr::C_User);
      Loc = SM.translateLineCol(FID, Err.line, Err.column > 0 ? Err.column : 1);
    } else {
      llvm::consumeError(File.takeError());
    }
  }
  if (Loc.isValid()) {
    Diags.Report(Loc, ID) << Err.message;
    return;
  }
  char Line[2048];
  mr_error_format(&Err, Line, sizeof Line);
  Diags.Report(ID) << Line;
}

std::unique_ptr<PolicyBinding> PolicyBinding::load(CompilerInstance &CI,
                                                   llvm::StringRef MainFile,
                                                   const Arguments &Args) {
  std::string Path = Args.PolicyFile;
  if (Path.empty()) {
    char Found[4096];
    if (mr_policy_discover(MainFile.str().c_str(), Found, sizeof Found))
      Path = Found;
  }
  mr_policy *Policy = nullptr;
  if (Path.empty()) {
    Policy = mr_policy_load_default();
  } else {
    mr_error Err;
    Policy = mr_policy_load_file(Path.c_str(), &Err);
    if (!Policy) {
      reportPolicyError(CI, Err);
      return nullptr;
    }
  }
  return std::unique_ptr<PolicyBinding>(
      new PolicyBinding(Policy, CI.getSourceManager()));
}

PolicyBinding::~PolicyBinding() { mr_policy_free(Policy); }

const PolicyBinding::FileFacts &PolicyBinding::factsFor(FileID FID) {
  std::unique_ptr<FileFacts> &Slot = Cache[FID];
  if (!Slot) {
    Slot.reset(new FileFacts());
    std::string Name = SM.getFilename(SM.getLocForStartOfFile(FID)).str();
    mr_policy_settings_for(Policy, Name.c_str(), &Slot->Settings);
    Slot->Excluded = mr_policy_is_excluded(Policy, Name.c_str());
    Slot->Hot = mr_policy_is_hot_file(Policy, Name.c_str());
  }
  return *Slot;
}

bool PolicyBinding::isHotFunctionName(llvm::StringRef Name) const {
  return mr_policy_is_hot_function(Policy, Name.str().c_str());
}

bool PolicyBinding::isLogFunction(llvm::StringRef Name) const {
  return mr_policy_is_log_function(Policy, Name.str().c_str());
}

} // namespace memrules
