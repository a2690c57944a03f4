#include "ReportSession.h"

#include "Baseline.h"

#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/TimeProfiler.h"

using namespace clang;

namespace memrules {

static void reportError(CompilerInstance &CI, const std::string &Message) {
  DiagnosticsEngine &Diags = CI.getDiagnostics();
  Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0")) << Message;
}

static std::string workingDirectory(CompilerInstance &CI) {
  std::string Dir = CI.getFileSystemOpts().WorkingDir;
  if (!Dir.empty())
    return Dir;
  llvm::SmallString<256> Current;
  if (!llvm::sys::fs::current_path(Current))
    Dir = std::string(Current.str());
  return Dir;
}

std::unique_ptr<ReportSession> ReportSession::create(CompilerInstance &CI,
                                                     PolicyBinding &Policy,
                                                     const Arguments &Args,
                                                     bool &Failed) {
  Failed = false;
  const char *PolicyBaseline = mr_policy_baseline(&Policy.raw());
  std::string BaselineFile =
      !Args.Baseline.empty() ? Args.Baseline : PolicyBaseline ? PolicyBaseline : "";
  if (Args.ReportDir.empty() && BaselineFile.empty())
    return nullptr;
  std::unique_ptr<ReportSession> S(new ReportSession(CI));
  std::string Error;
  if (!BaselineFile.empty() && !loadBaseline(BaselineFile, S->Baseline, Error)) {
    reportError(CI, Error);
    Failed = true;
    return nullptr;
  }
  S->Dir = Args.ReportDir;
  S->TU.Directory = workingDirectory(CI);
  const SourceManager &SM = CI.getSourceManager();
  const char *PolicyFile = mr_policy_file(&Policy.raw());
  S->TU.Policy = PolicyFile ? absolutePath(PolicyFile, S->TU.Directory) : "";
  S->TU.Root = PolicyFile ? std::string(llvm::sys::path::parent_path(S->TU.Policy))
                          : absolutePath(S->TU.Directory, "");
  S->Log.reset(new FindingLog(SM, CI.getLangOpts(), S->TU.Root, S->TU.Directory,
                              BaselineFile.empty() ? nullptr : &S->Baseline));
  return S;
}

void ReportSession::finish(const Census &Counts, double TotalMs,
                           const llvm::StringMap<llvm::TimeRecord> *RuleTimes) {
  if (Dir.empty())
    return;
  llvm::TimeTraceScope Trace("memrules report");
  const SourceManager &SM = CI.getSourceManager();
  llvm::StringRef Main = SM.getFileEntryRefForID(SM.getMainFileID())->getName();
  TU.File = Log->absolute(Main);
  std::string Error;
  if (!writeReport(Dir, llvm::sys::path::stem(Main),
                   renderReport(TU, *Log, Counts, TotalMs, RuleTimes), Error))
    reportError(CI, Error);
}

} // namespace memrules
