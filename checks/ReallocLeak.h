#ifndef MEMRULES_CHECKS_REALLOCLEAK_H
#define MEMRULES_CHECKS_REALLOCLEAK_H

#include "Check.h"

namespace clang {
class BinaryOperator;
class CallExpr;
} // namespace clang

namespace memrules {

// `p = realloc(p, n)` (and reallocarray): a failed realloc returns NULL, the
// assignment overwrites the only pointer to the old block, and it leaks.
class ReallocLeakCheck : public Check {
public:
  explicit ReallocLeakCheck(CheckContext &Ctx) : Check(MR_RULE_REALLOC_LEAK, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override {
    return Ctx.Allocators.growNames();
  }

private:
  // The releaser the fix-it calls for the old block, or "" for none.
  std::string releaserFor(const clang::CallExpr &Call, llvm::StringRef CalleeText) const;
  void addFixIt(Finding &F, const clang::BinaryOperator &Assign,
                const clang::CallExpr &Call, const FunctionBody &Body);
};

} // namespace memrules

#endif
