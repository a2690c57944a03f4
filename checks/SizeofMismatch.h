#ifndef MEMRULES_CHECKS_SIZEOF_MISMATCH_H
#define MEMRULES_CHECKS_SIZEOF_MISMATCH_H

#include "Check.h"

namespace clang {
class CallExpr;
class Expr;
class FunctionDecl;
class UnaryExprOrTypeTraitExpr;
} // namespace clang

namespace memrules {

class FunctionBody;

class SizeofMismatchCheck : public Check {
public:
  explicit SizeofMismatchCheck(CheckContext &Ctx) : Check(MR_RULE_SIZEOF_MISMATCH, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override;

private:
  // The target is the lvalue the allocation is stored in (null for a
  // declaration, then TargetVar is set).
  struct Target {
    const clang::Expr *Lvalue = nullptr;
    const clang::VarDecl *Var = nullptr;
    clang::QualType Type;
    std::string Name;
  };
  // Where the allocation's size is: libc's allocators, and a policy
  // family's when its declaration says (alloc_size, or one integer
  // parameter in a function returning void *). Empty: not judged.
  std::vector<const clang::Expr *> sizeOperands(const clang::CallExpr &Call) const;
  bool elementMismatch(const clang::CallExpr &Call,
                       const std::vector<const clang::Expr *> &Operands,
                       const Target &T, Finding &F);
  bool missingNul(const clang::CallExpr &Call,
                  const std::vector<const clang::Expr *> &Operands,
                  const Target &T, const FunctionBody &Body, Finding &F);
};

} // namespace memrules

#endif
