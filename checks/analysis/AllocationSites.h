// The allocation sites the lifetime rules start from: calls of any
// family's allocators and, in C++, new-expressions, outside system headers;
// with the trigger names that go with them (the allocators and `new`); and
// which expressions are such a fresh block.
#ifndef MEMRULES_CHECKS_ANALYSIS_ALLOCATIONSITES_H
#define MEMRULES_CHECKS_ANALYSIS_ALLOCATIONSITES_H

#include "Allocators.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace memrules {

inline std::vector<std::string> allocationSiteTriggers(const AllocatorModel &Model) {
  std::vector<std::string> Names = Model.allocatorNames();
  Names.push_back("new");
  return Names;
}

// A function the model counts as an allocator or a releaser: one named by
// libc or the policy, or one learned from the TU's declarations and
// wrappers. The matchers run once parsing is over, so the model they ask
// is complete; a fixed name list (hasAnyName) would miss the learned ones.
AST_MATCHER_P(clang::FunctionDecl, isAllocatorIn, const AllocatorModel *, Model) {
  return Model->allocates(Node);
}
AST_MATCHER_P(clang::FunctionDecl, isReleaserIn, const AllocatorModel *, Model) {
  return Model->releases(Node);
}

// Binds the call to CallId and the new-expression to NewId.
inline void addAllocationSiteMatchers(clang::ast_matchers::MatchFinder &Finder,
                                      clang::ast_matchers::MatchFinder::MatchCallback *Callback,
                                      const AllocatorModel &Model, bool CPlusPlus,
                                      llvm::StringRef CallId, llvm::StringRef NewId) {
  using namespace clang::ast_matchers;
  Finder.addMatcher(callExpr(callee(functionDecl(isAllocatorIn(&Model))),
                             unless(isExpansionInSystemHeader()))
                        .bind(CallId),
                    Callback);
  if (CPlusPlus)
    Finder.addMatcher(cxxNewExpr(unless(isExpansionInSystemHeader())).bind(NewId),
                      Callback);
}

// A fresh block: a family's allocator (libc's names only when declared as
// libc's; not a family whose deallocator is unknown) or the global `new` without placement arguments, whose constructor is not
// handed pointers or references through which the object could register
// itself elsewhere.
struct Allocation {
  const clang::Expr *Site = nullptr;
  const AllocatorFamily *Family = nullptr; // null for `new`
  bool NeverNull = false;
  std::string Allocator; // "malloc()", "new"
};

// Is E (casts and cleanups stripped) such an allocation? Fills Out if so.
bool allocationOf(const clang::Expr *E, const AllocatorModel &Model, Allocation &Out);

} // namespace memrules

#endif
