// string-enum: a fixed vocabulary held as text.
//
// Form 1: one variable or field compared (strcmp-family equality tests, C++
// `==`/`!=` on a string object) with at least `min-literals` distinct string
// literals in one function. Form 2: a `char *` / std::string field that the
// translation unit only ever stores string literals into.
//
// Everything is collected while matching and judged at the end of the TU:
// form 2 needs every use of a field, and form 1 asks form 2's facts (a
// variable that only ever holds literals is internal state, not outside
// text being parsed).
#ifndef MEMRULES_CHECKS_STRING_ENUM_H
#define MEMRULES_CHECKS_STRING_ENUM_H

#include "Check.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <string>
#include <vector>

namespace clang {
class Expr;
class FieldDecl;
class FunctionDecl;
class InitListExpr;
class StringLiteral;
} // namespace clang

namespace memrules {

class StringEnumCheck : public Check {
public:
  explicit StringEnumCheck(CheckContext &Ctx) : Check(MR_RULE_STRING_ENUM, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override;
  std::vector<std::string> watchedNamesFor(const clang::TagDecl &Tag) const override;
  std::vector<std::string> followUpNames(const TraversalPlan &Plan) override;
  void registerFollowUpMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  // C++ `mode == "fast"` names no function: every body of a C++ TU is
  // walked. C TUs keep the identifier-based plan.
  bool walksEveryBody() const override;
  void finishTranslationUnit() override;

  // One comparison of a value with a string literal.
  struct Comparison {
    const clang::Expr *Test;  // the strcmp call or the operator call
    const clang::Expr *Value; // the compared lvalue, parens/casts stripped
    const clang::StringLiteral *Literal;
    bool CaseInsensitive;
    bool Operator; // C++ ==/!=: an equality test by construction
    bool Negated;  // `!=`
  };
  // A string literal stored into a field.
  struct Store {
    const clang::StringLiteral *Literal;
    clang::SourceLocation Loc;
  };
  struct FieldFacts {
    std::vector<Store> Stores;
    bool Tainted = false; // something other than a literal reaches it
  };

private:
  void addComparison(const clang::Expr *Test, const clang::Expr *Value,
                     const clang::StringLiteral *Literal, bool CaseInsensitive,
                     bool Operator, bool Negated);
  void noteStore(const clang::FieldDecl *Field, const clang::Expr *Value,
                 clang::SourceLocation Loc);
  void noteInitList(const clang::InitListExpr &Init);
  bool fieldIsPure(const clang::FieldDecl *Field);
  void markTaintedFields();
  void judgeFunction(const clang::FunctionDecl *F, std::vector<Comparison> &List);
  void judgeFields();

  // Comparisons by enclosing function, functions in the order first seen.
  std::vector<const clang::FunctionDecl *> Functions;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<Comparison>> ByFunction;
  // Form 2: facts per candidate field, in the order first seen.
  std::vector<const clang::FieldDecl *> Fields;
  llvm::DenseMap<const clang::FieldDecl *, FieldFacts> Facts;
  // Member expressions of candidate fields, and those whose use is known to
  // leave the field's value alone or store a literal into it.
  std::vector<const clang::MemberExpr *> Members;
  llvm::DenseSet<const clang::MemberExpr *> Accounted;
  llvm::DenseSet<const clang::InitListExpr *> SeenInits;
  // Fields compared with a literal in an equality test somewhere, and the
  // first such comparison of each (for form 2's note).
  llvm::DenseMap<const clang::FieldDecl *, const clang::Expr *> Compared;
};

} // namespace memrules

#endif
