// Walking a statement tree without a visitor class: every statement under S
// (S included), in source order; the question several checks ask of it,
// whether a lambda or block inside could capture a local by reference; and
// the path down to one statement, found without a parent map.
#ifndef MEMRULES_CHECKS_ANALYSIS_STMTWALK_H
#define MEMRULES_CHECKS_ANALYSIS_STMTWALK_H

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

namespace memrules {

template <typename Fn> void forEachStmt(const clang::Stmt *S, Fn &&Visit) {
  if (!S)
    return;
  Visit(S);
  for (const clang::Stmt *Child : S->children())
    forEachStmt(Child, Visit);
}

inline bool containsClosure(const clang::Stmt *S) {
  bool Found = false;
  forEachStmt(S, [&Found](const clang::Stmt *Sub) {
    Found = Found || llvm::isa<clang::LambdaExpr>(Sub) || llvm::isa<clang::BlockExpr>(Sub);
  });
  return Found;
}

// The statements from Root down to Target, both included, in Path. Only
// children whose source range (in expansion locations) holds Target's
// location are entered, so this costs the depth of Target, not the size of
// Root: for a check that needs a statement's ancestors once, far cheaper
// than a parent map. False when Target is not under Root (the copy of a
// template instantiation, say).
inline bool pathTo(const clang::Stmt &Root, const clang::Stmt &Target,
                   const clang::SourceManager &SM,
                   llvm::SmallVectorImpl<const clang::Stmt *> &Path) {
  Path.push_back(&Root);
  if (&Root == &Target)
    return true;
  // Expansion locations of one file compare by their raw encodings (the
  // file's offsets), without the SourceManager's lookups; a body spanning
  // several files (an #include inside it) may prune the right child: then
  // Target is not found, which callers take as "not judged".
  unsigned At = SM.getExpansionLoc(Target.getBeginLoc()).getRawEncoding();
  for (const clang::Stmt *Child : Root.children()) {
    if (!Child)
      continue;
    unsigned Begin = SM.getExpansionLoc(Child->getBeginLoc()).getRawEncoding();
    unsigned End = SM.getExpansionRange(Child->getEndLoc()).getEnd().getRawEncoding();
    if (At && Begin && End && (At < Begin || End < At))
      continue;
    if (pathTo(*Child, Target, SM, Path))
      return true;
  }
  Path.pop_back();
  return false;
}

} // namespace memrules

#endif
