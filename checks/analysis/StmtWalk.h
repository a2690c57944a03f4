// Walking a statement tree without a visitor class: every statement under S
// (S included), in source order; and the question several checks ask of
// it, whether a lambda or block inside could capture a local by reference.
#ifndef MEMRULES_CHECKS_ANALYSIS_STMTWALK_H
#define MEMRULES_CHECKS_ANALYSIS_STMTWALK_H

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

namespace memrules {

template <typename Fn> void forEachStmt(const clang::Stmt *S, Fn &&Visit) {
  if (!S)
    return;
  Visit(S);
  for (const clang::Stmt *Child : S->children())
    forEachStmt(Child, Visit);
}

inline bool containsClosure(const clang::Stmt *S) {
  bool Found = false;
  forEachStmt(S, [&Found](const clang::Stmt *Sub) {
    Found = Found || llvm::isa<clang::LambdaExpr>(Sub) || llvm::isa<clang::BlockExpr>(Sub);
  });
  return Found;
}

} // namespace memrules

#endif
