// late-free: a large or non-constant-size local allocation released only
// after a loop (or a call that loops) which no longer uses it, in the same
// block as its last use: the block stays allocated while that work runs.
// Release it right after its last use (the source documents' "drop early").
// In C++ also a local owner (std::vector, std::string, std::unique_ptr<T[]>)
// whose scope, and so whose buffer, ends only after such a loop or call.
#ifndef MEMRULES_CHECKS_LATEFREE_H
#define MEMRULES_CHECKS_LATEFREE_H

#include "Check.h"

#include "llvm/ADT/DenseMap.h"

#include <memory>

namespace clang {
class CompoundStmt;
class DeclStmt;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace memrules {

class EscapeAnalysis;

class LateFreeCheck : public Check {
public:
  explicit LateFreeCheck(CheckContext &Ctx);
  ~LateFreeCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // The releasers of every family and `delete`: a body that releases
  // nothing has no late release.
  std::vector<std::string> triggers() const override;

private:
  // The C form, from a release of a local pointer.
  void checkRelease(const clang::Expr &Release);
  // The C++ form, from the declaration of a local owner.
  void checkOwner(const clang::DeclStmt &Decl, const clang::VarDecl &Var);
  // Is the owner's buffer sized, every time it is, at run time or to at
  // least min-bytes? Size says which; Where is the first sizing.
  bool ownerSizedLarge(const clang::VarDecl &Var, const FunctionBody &Body,
                       clang::SourceLocation Loc, std::string &Size,
                       clang::SourceLocation &Where);
  // The first statement under S (a loop, or a call of a function that
  // loops) that keeps the program busy, or null.
  const clang::Stmt *work(const clang::Stmt *S);
  // Does a call of F do work: F is defined in the TU, releases nothing
  // and has a loop that may run more than once? Cached per function.
  bool loops(const clang::FunctionDecl &F);
  // Does S release anything (a cleanup loop or function, whose running
  // does not raise the peak the late release holds): a call of a releaser,
  // `delete`, or a function whose name says it releases (decrRefCount)?
  bool releases(const clang::Stmt *S) const;
  bool isRelease(const clang::Stmt *S) const;
  // Are the block's definitions allocations of the right size, and is the
  // variable the only way to reach it? The allocation sites go to Sites.
  bool ownsLargeBlock(const clang::FunctionDecl &F, const clang::VarDecl &Var,
                      clang::SourceLocation Loc,
                      std::vector<const clang::Expr *> &Sites, std::string &Size);

  EscapeAnalysis &escape();

  llvm::DenseMap<const clang::FunctionDecl *, bool> Loops;
  // Escape questions, asked without trusting const parameters: a block
  // released earlier on the word of a prototype could be used after free.
  std::unique_ptr<EscapeAnalysis> Escape;
};

} // namespace memrules

#endif
