// What the per-TU report keeps of the findings the Reporter lets through
// (after suppression and scope): their places relative to the report's root,
// the enclosing function, hotness and fingerprint. It also applies the
// baseline, which matches on that fingerprint.
#ifndef MEMRULES_PLUGIN_FINDINGLOG_H
#define MEMRULES_PLUGIN_FINDINGLOG_H

#include "Finding.h"
#include "Fingerprint.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

#include <string>
#include <vector>

namespace clang {
class Decl;
}

namespace memrules {

struct Place {
  std::string File; // relative to the root when inside it, else absolute
  unsigned Line = 0, Column = 0;
};

struct LoggedFinding {
  mr_rule_id Rule;
  std::string Severity; // "note", "warning" or "error", as reported
  Place Where;
  std::string Message;
  std::string Function; // qualified; empty when there is none
  bool Hot = false;
  std::string Fingerprint;
  std::vector<std::pair<Place, std::string>> Notes;
  struct Fix {
    Place Begin, End; // End is the column after the last replaced character
    std::string Replacement;
  };
  std::vector<Fix> FixIts;
};

// Path made absolute against WorkingDir, without `.` and `..`.
std::string absolutePath(llvm::StringRef Path, llvm::StringRef WorkingDir);

class FindingLog {
public:
  // Root and WorkingDir are absolute; Baseline may be null (no baseline).
  FindingLog(const clang::SourceManager &SM, const clang::LangOptions &LO,
             std::string Root, std::string WorkingDir,
             const llvm::StringSet<> *Baseline)
      : SM(SM), LO(LO), Root(std::move(Root)), WorkingDir(std::move(WorkingDir)),
        Baseline(Baseline) {}

  // A finding about to be reported at Level. Returns false when the baseline
  // lists it: it is then only recorded as baselined, not reported.
  bool admit(const Finding &F, clang::DiagnosticsEngine::Level Level, bool Hot);

  const std::vector<LoggedFinding> &findings() const { return Findings; }
  const std::vector<std::string> &baselined() const { return Baselined; }

  // The absolute, dot-free form of a path as the compile named it.
  std::string absolute(llvm::StringRef Path) const {
    return absolutePath(Path, WorkingDir);
  }

private:
  Place placeOf(clang::SourceLocation Loc);
  const std::string &fileOf(clang::FileID File);
  std::string ownerName(const clang::Decl *Owner) const;
  llvm::StringRef lineText(clang::SourceLocation Loc) const;

  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  std::string Root, WorkingDir;
  const llvm::StringSet<> *Baseline;
  Fingerprinter Prints;
  llvm::DenseMap<clang::FileID, std::string> Files; // report paths
  std::vector<LoggedFinding> Findings;
  std::vector<std::string> Baselined;
};

} // namespace memrules

#endif
