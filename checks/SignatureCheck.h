// The shape of the rules that judge function signatures rather than calls
// (large-by-value, small-by-ref): no trigger, no node to match; once
// matching is over, every function definition of the project's files is
// judged once, and whether a function's address is taken is asked last,
// being the costly question.
#ifndef MEMRULES_CHECKS_SIGNATURECHECK_H
#define MEMRULES_CHECKS_SIGNATURECHECK_H

#include "Check.h"
#include "analysis/ParamUses.h"

namespace memrules {

class SignatureCheck : public Check {
public:
  SignatureCheck(mr_rule_id Rule, CheckContext &Ctx)
      : Check(Rule, Ctx), AddressTaken(Ctx.AST) {}

  // A registered matcher is what makes the MatchFinder call (and time)
  // onEndOfTranslationUnit; the translation unit node is outside the
  // traversal scope, so this one never fires.
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) final {
    Finder.addMatcher(clang::ast_matchers::translationUnitDecl(), this);
  }
  void run(const clang::ast_matchers::MatchFinder::MatchResult &) final {}
  void onEndOfTranslationUnit() final {
    if (Done)
      return;
    Done = true;
    forEachFunctionDefinition(Ctx.AST, [this](const clang::FunctionDecl &F) { judge(F); });
  }
  bool asksAddressTaken() const final { return true; }

protected:
  virtual void judge(const clang::FunctionDecl &F) = 0;
  bool addressTaken(const clang::FunctionDecl &F) {
    return AddressTaken.contains(F, Ctx.Plan);
  }

private:
  AddressTakenFunctions AddressTaken;
  bool Done = false;
};

} // namespace memrules

#endif
