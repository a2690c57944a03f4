// Questions about how a function treats its parameters, asked by the rules
// that judge signatures (large-by-value, small-by-ref): which function
// definitions the project's files hold, which functions have their address
// taken somewhere in the TU, and whether a parameter (or what it points to)
// is only ever read.
//
// Cost: signature rules look at every function definition, but function
// bodies are only scanned for parameters that are already candidates by
// type, and the TU-wide scan for address-taken functions runs once, and only
// if some candidate got that far.
#ifndef MEMRULES_CHECKS_ANALYSIS_PARAMUSES_H
#define MEMRULES_CHECKS_ANALYSIS_PARAMUSES_H

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

namespace clang {
class ASTContext;
class Decl;
class FunctionDecl;
class DeclRefExpr;
class ParmVarDecl;
class VarDecl;
class Stmt;
} // namespace clang

namespace memrules {

class TraversalPlan;

// Calls Visit for every function definition written in the project's files
// (not system headers): free functions and methods, inside namespaces,
// linkage specifications and classes. Templates (function templates, members
// of class templates) and their instantiations are left out: their parameter
// types and uses are not known until instantiation.
void forEachFunctionDefinition(
    clang::ASTContext &AST,
    llvm::function_ref<void(const clang::FunctionDecl &)> Visit);

// Is F's signature the project's own to change? Not main, not virtual (an
// override's signature is its base's), not variadic, not `extern "C"` in C++
// (called from C or through dlsym), not `used` or `weak` (referenced from
// assembly, or replaceable by another definition of the same signature),
// prototyped (no K&R definition), and not written by a macro expansion. Whether its address is taken is asked
// separately (AddressTakenFunctions), last, being the costly question.
bool signatureIsOwn(const clang::FunctionDecl &F);

// Functions referenced other than as the callee of a direct call anywhere in
// the project's files of the TU (`&f`, `cb = f`, `{ .close = f }`, a
// cleanup attribute): their signature is fixed by whoever calls them
// through the pointer.
// When the plan watched F's name from its first declaration, the tokens
// answer (a name ever followed by something but `(` counts as taken, even
// where that is a shadowing variable: silence, never a wrong finding) and
// the TU is not walked.
class AddressTakenFunctions {
public:
  explicit AddressTakenFunctions(clang::ASTContext &AST) : AST(AST) {}
  bool contains(const clang::FunctionDecl &F, const TraversalPlan *Plan);

private:
  void scan();
  void walk(const clang::Stmt *S);
  void walkDecl(const clang::Decl *D);
  void mark(const clang::Decl *D);

  clang::ASTContext &AST;
  bool Scanned = false;
  llvm::DenseSet<const clang::Decl *> Taken; // canonical declarations
  llvm::DenseSet<const clang::Decl *> OwnBodies; // walked for themselves
};

// Is the by-value parameter P (of record type) only read in F's body: never
// assigned (whole or a member), incremented, its address or an array
// member's address kept or passed as a non-const pointer, bound to a
// non-const reference, given a non-const method call, moved from, or used
// in a lambda or block? Anything the scan does not recognise counts as a
// modification.
bool isOnlyRead(const clang::ParmVarDecl &P, const clang::FunctionDecl &F);

// The same question of a local object V (a copy, a range-for variable, its
// source) inside Scope, for the references Wanted accepts (all if empty).
bool isOnlyReadIn(const clang::VarDecl &V, const clang::Stmt &Scope,
                  llvm::function_ref<bool(const clang::DeclRefExpr &)> Wanted = {});

// The question a local copy must answer before it becomes a `const T &`:
// only read in Scope, as isOnlyReadIn says, and never copied on as a whole
// (passed by value, returned, moved, assigned to something, handed to
// another object's non-const method such as push_back, or to a constructor
// that may keep a copy): there the copy is what the code wanted.
bool isOnlyBorrowedIn(const clang::VarDecl &V, const clang::Stmt &Scope);

// Is the pointer or reference parameter P only used to read what it points
// to: `p->x`, `(*p).x`, `*p` copied, `p->arr[i]` (or `r.x` for a
// reference)? Never compared, null-checked, stored, returned, cast, offset
// or indexed, passed on, its address or a member's address taken, nor used
// in a lambda or block.
bool onlyReadsPointee(const clang::ParmVarDecl &P, const clang::FunctionDecl &F);

} // namespace memrules

#endif
