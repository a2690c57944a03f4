// small-by-ref: a `const T *` (C) or `const T &` (C++) parameter where T is
// a trivially copyable struct, union or class of at most `max-bytes` (two
// registers on LP64) that the function only reads through: pass T by value,
// in registers, and drop the indirection (RULES.md, copy family). By default
// only functions with internal linkage (`only-internal: 1`), whose callers
// are all in the TU.
//
// Like large-by-value it judges signatures at the end of the TU, scanning a
// body only for parameters whose type already qualifies.
#ifndef MEMRULES_CHECKS_SMALLBYREF_H
#define MEMRULES_CHECKS_SMALLBYREF_H

#include "Check.h"
#include "analysis/ParamUses.h"

namespace memrules {

class SmallByRefCheck : public Check {
public:
  explicit SmallByRefCheck(CheckContext &Ctx)
      : Check(MR_RULE_SMALL_BY_REF, Ctx), AddressTaken(Ctx.AST) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override {}
  void onEndOfTranslationUnit() override;
  bool asksAddressTaken() const override { return true; }

private:
  void judge(const clang::FunctionDecl &F);

  AddressTakenFunctions AddressTaken;
  bool Done = false;
};

} // namespace memrules

#endif
