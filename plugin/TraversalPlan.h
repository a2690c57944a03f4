// Which declarations the matchers see. Walking every function body of a TU
// costs more than the plugin's whole budget (CLANG-NOTES.md: a bare matcher
// traversal of sqlite3.c is ~5% of its parse). So checks name the
// identifiers that can start a finding (malloc, realloc, a policy's
// allocators...), the preprocessor's token watcher notes where those appear
// while the parser runs, and only the function bodies that contain one are
// walked. Records, typedefs and globals are cheap and always walked;
// prototypes hold nothing a check looks for and are skipped.
#ifndef MEMRULES_PLUGIN_TRAVERSALPLAN_H
#define MEMRULES_PLUGIN_TRAVERSALPLAN_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <string>
#include <vector>

namespace clang {
class Decl;
class IdentifierInfo;
class Preprocessor;
} // namespace clang

namespace memrules {

class TraversalPlan {
public:
  // Starts watching the tokens of PP for the trigger identifiers.
  TraversalPlan(clang::Preprocessor &PP, const std::vector<std::string> &Triggers);

  // A top-level declaration of the project's own files.
  void addTopLevel(clang::Decl *D);

  // Watch for one more identifier from now on.
  void addTrigger(llvm::StringRef Name);

  // Walk every function body, triggered or not.
  void walkEveryBody() { EveryBody = true; }

  // After parsing: the declarations to traverse, and record definitions to
  // match on their own (C++ classes with method bodies and no trigger).
  void plan(std::vector<clang::Decl *> &Traverse,
            std::vector<clang::Decl *> &MatchAlone);

private:
  bool isTriggered(const clang::Decl *D);
  void place(clang::Decl *D, std::vector<clang::Decl *> &Traverse,
             std::vector<clang::Decl *> &MatchAlone);

  clang::Preprocessor &PP;
  clang::SourceManager &SM;
  bool EveryBody = false;
  llvm::SmallPtrSet<const clang::IdentifierInfo *, 16> Triggers;
  std::vector<clang::SourceLocation> Seen; // where a trigger appeared
  llvm::DenseMap<clang::FileID, std::vector<unsigned>> SeenOffsets;
  std::vector<clang::Decl *> TopLevel;
};

} // namespace memrules

#endif
