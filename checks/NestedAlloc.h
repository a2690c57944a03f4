// nested-alloc: a 2-D array allocated row by row (RULES.md). C: an array of
// row pointers is allocated, then a counted loop allocates every row with
// the same size (`rows[i] = malloc(cols * sizeof **rows)`): N+1
// allocations where one block would do. C++: a local
// std::vector<std::vector<T>> (or std::vector<std::string>) made
// rectangular by construction, resize, or a loop resizing every row.
#ifndef MEMRULES_CHECKS_NESTEDALLOC_H
#define MEMRULES_CHECKS_NESTEDALLOC_H

#include "Check.h"

#include <memory>

namespace clang {
class ArraySubscriptExpr;
class BinaryOperator;
class CXXMemberCallExpr;
class ForStmt;
} // namespace clang

namespace memrules {

class EscapeAnalysis;

class NestedAllocCheck : public Check {
public:
  explicit NestedAllocCheck(CheckContext &Ctx);
  ~NestedAllocCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override;

private:
  // C (and C++ `rows[i] = new T[m]`): NestedAlloc.cpp.
  void checkRowAllocation(const clang::BinaryOperator &Assign,
                          const clang::ArraySubscriptExpr &Row);
  bool rowsAreIndependent(const clang::VarDecl &Rows, const clang::BinaryOperator &Assign,
                          const clang::Expr &Outer, const FunctionBody &Body);
  bool aliasLeadsOwnLife(const clang::VarDecl &Alias, const FunctionBody &Body);
  bool rowLeadsOwnLife(const clang::ArraySubscriptExpr &Row, const clang::VarDecl &Rows,
                       const clang::BinaryOperator &Assign, const FunctionBody &Body);
  bool mayBeKept(const clang::Expr &Row, const clang::VarDecl &Var, bool IsVariable,
                 const FunctionBody &Body);

  // C++ vectors of vectors: NestedAllocVector.cpp.
  void registerVectorMatchers(clang::ast_matchers::MatchFinder &Finder);
  void runVector(const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkConstruction(const clang::VarDecl &Grid);
  void checkRowsSized(const clang::Expr &Site, const clang::Expr &Object,
                      const clang::Expr *Count);
  void reportVector(const clang::VarDecl &Grid, const clang::Expr &Site,
                    const clang::Expr &Count, const clang::Stmt *Loop,
                    const FunctionBody &Body);

  // Whether a callee may keep a row (built on first use).
  std::unique_ptr<EscapeAnalysis> Escape;
};

// Shared by the two forms.
namespace nested_alloc {
// The variable a `for` loop counts with (the one its increment steps).
const clang::VarDecl *counterOf(const clang::ForStmt &For);
// Does S run on every iteration of Loop (only blocks, an `if` condition,
// or an expression evaluating it unconditionally between them)?
bool runsEveryIteration(const clang::Stmt &S, const clang::Stmt &Loop,
                        const FunctionBody &Body);
// "cols * sizeof **rows": the operands as written, or "" (a macro).
std::string operandsText(const std::vector<const clang::Expr *> &Operands,
                         clang::ASTContext &AST);
} // namespace nested_alloc

} // namespace memrules

#endif
