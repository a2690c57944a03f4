#ifndef MEMRULES_CHECKS_REALLOCLEAK_H
#define MEMRULES_CHECKS_REALLOCLEAK_H

#include "Check.h"

namespace memrules {

class ReallocLeakCheck : public Check {
public:
  explicit ReallocLeakCheck(CheckContext &Ctx) : Check(MR_RULE_REALLOC_LEAK, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace memrules

#endif
