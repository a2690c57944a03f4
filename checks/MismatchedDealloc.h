#ifndef MEMRULES_CHECKS_MISMATCHED_DEALLOC_H
#define MEMRULES_CHECKS_MISMATCHED_DEALLOC_H

#include "Check.h"

namespace memrules {

class MismatchedDeallocCheck : public Check {
public:
  explicit MismatchedDeallocCheck(CheckContext &Ctx);
  ~MismatchedDeallocCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // free, delete (a keyword, watched like an identifier) and the policy's
  // releasers: a body without one releases nothing.
  std::vector<std::string> triggers() const override;
};

} // namespace memrules

#endif
