// grow-in-loop (RULES.md): a buffer grown by a constant step inside a loop,
// so the total copying is quadratic (C: `p = realloc(p, (n + 1) * size)`
// with n advanced by a constant), and a C++ container filled one element
// per iteration of a loop whose trip count is known before it, with no
// `reserve` (std::vector, std::string, unordered maps and sets, and the
// policy's `vector-like-classes`).
#ifndef MEMRULES_CHECKS_GROWINLOOP_H
#define MEMRULES_CHECKS_GROWINLOOP_H

#include "Check.h"

namespace clang {
class CallExpr;
class CXXMemberCallExpr;
class CXXRecordDecl;
class VarDecl;
} // namespace clang

namespace memrules {

class GrowInLoopCheck : public Check {
public:
  explicit GrowInLoopCheck(CheckContext &Ctx) : Check(MR_RULE_GROW_IN_LOOP, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override;

private:
  // The C form: a realloc-family call in a loop.
  void checkGrowCall(const clang::CallExpr &Call);
  // The C++ form: push_back/emplace_back/insert/emplace/+= on a local.
  void checkContainerGrowth(const clang::CallExpr &Call);
  // FF-6: consecutive range inserts into a fresh vector.
  void checkRangeInserts(const clang::CallExpr &Call, const clang::VarDecl &Var);
};

} // namespace memrules

#endif
