// unchecked-alloc: the result of an allocation that can return NULL, held in
// a local, is dereferenced, indexed, or passed where NULL is not allowed
// (memcpy and friends, a parameter declared nonnull) before any NULL check
// on that path (RULES.md). When memory runs out the program crashes there
// instead of handling the failure.
#ifndef MEMRULES_CHECKS_UNCHECKED_ALLOC_H
#define MEMRULES_CHECKS_UNCHECKED_ALLOC_H

#include "Check.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <memory>

namespace clang {
class CFG;
}

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
  // The CFG of a function, built on first request for a candidate
  // allocation (null if Clang cannot build one).
  const clang::CFG *cfg(const clang::FunctionDecl &F);

  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<clang::CFG>> CFGs;
  // Uses already reported: two allocations reaching one use are one problem.
  llvm::SmallPtrSet<const clang::Stmt *, 8> Reported;
};

} // namespace memrules

#endif
