// leak-on-return: a `return` (or a `goto` to code that does not release
// it) reached after a local allocation succeeded, on which the block is
// neither released, returned, stored elsewhere nor handed to a function that
// may keep it: the memory leaks on that path. The usual C error-path leak.
#ifndef MEMRULES_CHECKS_LEAKONRETURN_H
#define MEMRULES_CHECKS_LEAKONRETURN_H

#include "Check.h"

#include "llvm/ADT/SmallPtrSet.h"

#include <memory>

namespace clang {
class VarDecl;
}

namespace memrules {

class EscapeAnalysis;

class LeakOnReturnCheck : public Check {
public:
  explicit LeakOnReturnCheck(CheckContext &Ctx);
  ~LeakOnReturnCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // The allocators of every family and `new`: a body without one allocates
  // nothing this rule can follow.
  std::vector<std::string> triggers() const override;

private:
  void analyse(const clang::FunctionDecl &F, const clang::VarDecl &Var);

  // Variables already analysed (each once, for all its allocations).
  llvm::SmallPtrSet<const clang::VarDecl *, 16> Done;
  // Escape questions and the summaries of the TU's functions, built on
  // first use.
  std::unique_ptr<EscapeAnalysis> Escape;
};

} // namespace memrules

#endif
