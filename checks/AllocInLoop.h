// alloc-in-loop: memory allocated and released in the same loop iteration
// (RULES.md). C forms: `p = malloc(..)` / `T *p = malloc(..)` in a loop and
// the family's release of p later in the same iteration.
#ifndef MEMRULES_CHECKS_ALLOCINLOOP_H
#define MEMRULES_CHECKS_ALLOCINLOOP_H

#include "Check.h"

namespace memrules {

class AllocInLoopCheck : public Check {
public:
  explicit AllocInLoopCheck(CheckContext &Ctx) : Check(MR_RULE_ALLOC_IN_LOOP, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override {
    return Ctx.Allocators.allocatorNames();
  }

private:
  const clang::CallExpr *releaseInSameIteration(const clang::VarDecl &Var,
                                                const AllocatorFamily &Family,
                                                const clang::CallExpr &Alloc,
                                                const clang::Stmt &Loop,
                                                const FunctionBody &Body);
  std::string sizeDescription(const clang::CallExpr &Alloc,
                              const clang::Stmt &Loop, const FunctionBody &Body);
};

} // namespace memrules

#endif
