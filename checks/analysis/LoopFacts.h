// Questions about a loop that several rules ask: does it run at most once,
// is a statement on a bail-out path, is an expression the same on every
// iteration.
#ifndef MEMRULES_CHECKS_ANALYSIS_LOOPFACTS_H
#define MEMRULES_CHECKS_ANALYSIS_LOOPFACTS_H

namespace clang {
class ASTContext;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace memrules {

class FunctionBody;

// `do {} while (0)`, `for (i = 0; i < 1; i++)`, or a body that always ends
// in break/return with no continue: the loop body runs at most once.
bool runsAtMostOnce(const clang::Stmt &Loop, clang::ASTContext &AST);

// Is S inside an if-branch (below Loop) that leaves the loop or the function
// (ends in break, return, goto, or a call that does not return)? Such a
// branch is an error path, taken at most once.
bool isOnBailOutBranch(const clang::Stmt &S, const clang::Stmt &Loop,
                       const FunctionBody &Body);

// Is S (an expression statement) a call of a function that does not return
// (exit, abort, a project's fatal-error function)?
bool isNoReturnCall(const clang::Stmt *S);

// Is Var declared inside Loop (its body, condition or init), so that it is
// initialised anew on every iteration?
bool isDeclaredIn(const clang::VarDecl &Var, const clang::Stmt &Loop);

// Does E have the same value on every iteration of Loop? Constants, sizeof,
// enumerators, const variables, and locals the loop never writes or lets
// escape by address; no calls, loads through pointers or globals.
bool isLoopInvariant(const clang::Expr &E, const clang::Stmt &Loop,
                     const FunctionBody &Body);

} // namespace memrules

#endif
