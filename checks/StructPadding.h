#ifndef MEMRULES_CHECKS_STRUCTPADDING_H
#define MEMRULES_CHECKS_STRUCTPADDING_H

#include "Check.h"

namespace memrules {

class StructPaddingCheck : public Check {
public:
  explicit StructPaddingCheck(CheckContext &Ctx) : Check(MR_RULE_STRUCT_PADDING, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace memrules

#endif
