// unchecked-alloc: the result of an allocation that can return NULL, held in
// a local, is dereferenced, indexed, or passed where NULL is not allowed
// (memcpy and friends, a parameter declared nonnull) before any NULL check
// on that path (RULES.md). When memory runs out the program crashes there
// instead of handling the failure.
#ifndef MEMRULES_CHECKS_UNCHECKED_ALLOC_H
#define MEMRULES_CHECKS_UNCHECKED_ALLOC_H

#include "Check.h"

#include "llvm/ADT/SmallPtrSet.h"

namespace memrules {

class UncheckedAllocCheck : public Check {
public:
  explicit UncheckedAllocCheck(CheckContext &Ctx);
  ~UncheckedAllocCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // The allocators of every family (those that never return NULL are
  // dropped in run()) and `new` (nothrow new).
  std::vector<std::string> triggers() const override;

private:
  // Uses already reported: two allocations reaching one use are one problem.
  llvm::SmallPtrSet<const clang::Stmt *, 8> Reported;
};

} // namespace memrules

#endif
