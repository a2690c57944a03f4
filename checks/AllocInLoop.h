// alloc-in-loop: memory allocated and released in the same loop iteration
// (RULES.md). `p = malloc(..)` / `T *p = malloc(..)` in a loop and the
// family's release of p later in the same iteration; in C++ also
// `p = new T` ... `delete p`, and a per-iteration scratch container: a
// std::string, std::vector, std::deque or unordered map/set declared in the
// loop body and filled there (AllocInLoopScratch.cpp).
#ifndef MEMRULES_CHECKS_ALLOCINLOOP_H
#define MEMRULES_CHECKS_ALLOCINLOOP_H

#include "Check.h"
#include "analysis/VarUses.h"

namespace memrules {

class AllocInLoopCheck : public Check {
public:
  explicit AllocInLoopCheck(CheckContext &Ctx) : Check(MR_RULE_ALLOC_IN_LOOP, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override {
    std::vector<std::string> Names = Ctx.Allocators.allocatorNames();
    if (Ctx.AST.getLangOpts().CPlusPlus) {
      Names.push_back("new");
      // A scratch container's declaration spells its type in the body (a
      // typedef or `auto` hiding it is not seen).
      for (const char *Type : ScratchTypeNames)
        Names.push_back(Type);
    }
    return Names;
  }

private:
  static const char *const ScratchTypeNames[12];
  // The C++ scratch-container form, for a local declared in Decl.
  void checkScratch(const clang::DeclStmt &Decl, const clang::VarDecl &Var);

  // What was allocated and how it is released.
  struct Allocation {
    const clang::Expr *Expr;               // the call or new-expression
    const AllocatorFamily *Family;         // null for `new`
  };
  const clang::Stmt *releaseInSameIteration(const clang::VarDecl &Var,
                                            const Allocation &A,
                                            const clang::Stmt &Loop,
                                            const FunctionBody &Body);
  const clang::Stmt *releaseOf(const VarUse &Use, const Allocation &A,
                               const FunctionBody &Body);
  std::string sizeDescription(const Allocation &A, const clang::Stmt &Loop,
                              const FunctionBody &Body);
};

} // namespace memrules

#endif
