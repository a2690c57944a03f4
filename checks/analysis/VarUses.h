// Every use of a local variable inside a statement, classified by what the
// use does with it. The alloc, copy and lifetime rules ask the same questions
// of a pointer (is it freed here, does it escape, is it modified), so they
// share this one scan.
#ifndef MEMRULES_CHECKS_ANALYSIS_VARUSES_H
#define MEMRULES_CHECKS_ANALYSIS_VARUSES_H

#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class DeclRefExpr;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace memrules {

class FunctionBody;

enum class UseKind {
  Read,          // any other read of the value
  Assigned,      // V = ...
  Modified,      // ++V, V += n, ...
  AddressTaken,  // &V
  Returned,      // return V;
  Stored,        // X = V or T x = V, where X is not V: the value is copied
  PassedToCall,  // f(..., V, ...)
  Dereferenced,  // *V, V[i], V->m
};

struct VarUse {
  UseKind Kind;
  const clang::DeclRefExpr *Ref;
  // For Stored: the expression or declaration that receives the value
  // (the assignment's LHS, or null for an initialised declaration).
  const clang::Expr *Destination = nullptr;
  const clang::VarDecl *DestinationVar = nullptr;
  // For PassedToCall: the call and the argument's position.
  const clang::CallExpr *Call = nullptr;
  unsigned Argument = 0;
};

// The uses of Var inside Scope, in source order.
std::vector<VarUse> findUses(const clang::VarDecl &Var, const clang::Stmt &Scope,
                             const FunctionBody &Body);

// Is E (parens and casts stripped) a reference to Var?
bool refersTo(const clang::Expr *E, const clang::VarDecl &Var);

// Do A and B denote the same object, structurally: the same variable,
// member chain, dereference or subscript with the same index (parentheses
// and implicit casts ignored)? Anything else (calls, arithmetic) is "not
// the same", so callers stay silent rather than guess.
bool sameLvalue(const clang::Expr *A, const clang::Expr *B);

// E without parentheses, casts (implicit and explicit) and the
// ExprWithCleanups a C++ temporary puts around it, repeated until none is
// left: the value an allocation result or a released operand really is.
const clang::Expr *ignoreCastsAndCleanups(const clang::Expr *E);

// Is E (parens, casts, __builtin_expect stripped) a null test of Var: 1
// when true means non-null (`p`, `p != NULL`, `(p = f())`), -1 when true
// means null (`!p`, `p == NULL`), 0 when it is not a test of Var.
int nullTest(const clang::Expr *E, const clang::VarDecl &Var, clang::ASTContext &AST);

// Is E (a reference to a pointer variable, or a member or element lvalue
// holding a pointer) only tested for null here: `!p`, `p == NULL`,
// `p != 0`, or p alone as the condition of an `if` or `?:`?
bool isNullTestOperand(const clang::Expr &E, const FunctionBody &Body);

} // namespace memrules

#endif
