// banned-alloc: calls (and address-of) of allocation functions the project
// has banned in its policy, with the project's own advice (RULES.md).
#ifndef MEMRULES_CHECKS_BANNEDALLOC_H
#define MEMRULES_CHECKS_BANNEDALLOC_H

#include "Check.h"

#include "llvm/ADT/DenseSet.h"

namespace memrules {

class BannedAllocCheck : public Check {
public:
  explicit BannedAllocCheck(CheckContext &Ctx) : Check(MR_RULE_BANNED_ALLOC, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override { return bannedNames(); }

private:
  // The banned names of the main file's settings. Overrides may change the
  // list per file; findings are judged against their own file's list.
  std::vector<std::string> bannedNames() const;
  // An initializer list is traversed in both its written and its semantic
  // form, which share their expressions: report each reference once.
  llvm::DenseSet<const clang::DeclRefExpr *> Seen;
};

} // namespace memrules

#endif
