#ifndef MEMRULES_CHECKS_ALLOCINLOOP_H
#define MEMRULES_CHECKS_ALLOCINLOOP_H

#include "Check.h"

namespace memrules {

class AllocInLoopCheck : public Check {
public:
  explicit AllocInLoopCheck(CheckContext &Ctx) : Check(MR_RULE_ALLOC_IN_LOOP, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace memrules

#endif
