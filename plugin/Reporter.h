// Turns findings into clang diagnostics: drops what is in system headers,
// excluded, disabled, out of scope or suppressed, then reports the rest at
// the level the policy, `werror` and the compiler's -Werror/-w decide.
#ifndef MEMRULES_PLUGIN_REPORTER_H
#define MEMRULES_PLUGIN_REPORTER_H

#include "Finding.h"
#include "FindingLog.h"
#include "PolicyBinding.h"
#include "Suppressions.h"

#include "clang/Basic/Diagnostic.h"

namespace clang {
class Decl;
}

namespace memrules {

class Reporter {
public:
  Reporter(clang::DiagnosticsEngine &Diags, clang::SourceManager &SM,
           PolicyBinding &Policy, bool Werror)
      : Diags(Diags), SM(SM), Policy(Policy), Werror(Werror) {}

  void setSuppressions(Suppressions *S) { Suppress = S; }
  // With a report or a baseline: every finding that would be reported goes
  // through the log, which records it and may hold it back (baselined).
  void setLog(FindingLog *L) { Log = L; }

  // Is Rule worth checking at Loc? (Not in a system header or an excluded
  // file, and enabled there.) Checks ask before any expensive analysis.
  bool wants(mr_rule_id Rule, clang::SourceLocation Loc);

  // The settings of the file holding Loc (the main file's for an invalid
  // location), or null in system headers and excluded files.
  const mr_settings *settingsAt(clang::SourceLocation Loc);

  // The value of an option for the file holding Loc.
  long option(mr_option_id Option, clang::SourceLocation Loc);

  // Does the policy list Name under `log-functions`?
  bool isLogFunction(llvm::StringRef Name) const { return Policy.isLogFunction(Name); }

  void report(const Finding &F);

  // Whether code at Loc in Owner (a function, or null) counts as hot for
  // `scope: hot`; false in system headers and excluded files.
  bool isHotAt(clang::SourceLocation Loc, const clang::Decl *Owner, bool InLoop);

  // A problem with memrules' own input in the source (a bad suppression):
  // a warning, promoted like the findings.
  void complain(clang::SourceLocation Loc, const std::string &Message);

  // Reports suppressions that suppressed nothing, if the policy asks.
  void reportUnusedSuppressions();

private:
  const PolicyBinding::FileFacts *factsAt(clang::SourceLocation Loc);
  bool isHot(const Finding &F, const PolicyBinding::FileFacts &Facts);
  void emit(clang::DiagnosticsEngine::Level Level, const Finding &F);

  clang::DiagnosticsEngine &Diags;
  clang::SourceManager &SM;
  PolicyBinding &Policy;
  bool Werror;
  Suppressions *Suppress = nullptr;
  FindingLog *Log = nullptr;
};

} // namespace memrules

#endif
