// alloc-size-overflow: the size given to malloc/realloc/aligned_alloc is a
// product of two non-constant operands (sizeof does not count), with no
// overflow check before the call (RULES.md). If the product wraps, a smaller
// block is allocated and the writes that follow overflow it.
#ifndef MEMRULES_CHECKS_ALLOCSIZEOVERFLOW_H
#define MEMRULES_CHECKS_ALLOCSIZEOVERFLOW_H

#include "Check.h"

namespace memrules {

class AllocSizeOverflowCheck : public Check {
public:
  explicit AllocSizeOverflowCheck(CheckContext &Ctx)
      : Check(MR_RULE_ALLOC_SIZE_OVERFLOW, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override {
    return {"malloc", "realloc", "aligned_alloc", "memalign", "valloc", "pvalloc"};
  }
};

} // namespace memrules

#endif
