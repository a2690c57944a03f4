// C++ containers that grow (RULES.md grow-in-loop; the census's growth
// sites): which classes count, which member calls add elements, and when a
// growing call is "predictable" — one element on every iteration of a loop
// whose trip count is known before the loop starts, so a `reserve` before
// it could size the container once. grow-in-loop reports the predictable
// growth of an empty local; the census counts every growth site and how
// many of the predictable ones were reserved.
#ifndef MEMRULES_CHECKS_ANALYSIS_CONTAINERGROWTH_H
#define MEMRULES_CHECKS_ANALYSIS_CONTAINERGROWTH_H

#include "FunctionIndex.h"
#include "VarUses.h"

#include "../../config/memrules_policy.h"

#include <string>

namespace clang {
class ASTContext;
class CXXMethodDecl;
class CXXRecordDecl;
} // namespace clang

namespace memrules {

// What kind of growable container a class is, by its template's name:
// std::vector, std::basic_string, the std::unordered_* maps and sets, or a
// class the policy lists in grow-in-loop's `vector-like-classes`.
enum class Container { None, Vector, String, Unordered, Listed };
Container containerKind(const clang::CXXRecordDecl *Record, const mr_settings *Settings);

// Does Call, a member call on a container of Kind, add exactly one element
// (push_back, emplace_back; a string's `+= c`; an unordered container's
// emplace or single insert)?
bool addsOneElement(Container Kind, const clang::CallExpr &Call);
// Does it add elements at all (also insert, emplace, a string's append and
// `+=` of a string)?
bool addsElements(Container Kind, const clang::CallExpr &Call);

// The loop Call (growing Var, a local declared before the loop) runs in
// exactly once per iteration, when that loop's trip count is known before
// it starts: a counted for or a range-for over a sized range, the call a
// statement of its body, the body never leaving an iteration early. Null
// otherwise. Count is set to the trip count's source text for `reserve`
// ("" when known but not expressible).
const clang::Stmt *predictableLoop(const clang::CallExpr &Call, const clang::VarDecl &Var,
                                   const FunctionBody &Body, clang::ASTContext &AST,
                                   std::string &Count);

// Is Var, in Loop, only grown one element at a time (calls addsOneElement
// accepts) and otherwise only read (keepsSize) or reserved? Then the loop's
// trip count says how much it grows.
bool growsOnlyByOne(const clang::VarDecl &Var, const clang::Stmt &Loop, Container Kind,
                    const FunctionBody &Body);

// Does a call through this use write Var (a non-const reference parameter,
// or a call C++ cannot see the parameters of)?
bool callMayWrite(const VarUse &Use, clang::ASTContext &AST);
// Is E a plain lvalue: a variable, or a member chain over one or `this`?
// Its text can be repeated before a loop without side effects.
bool isPlainLvalue(const clang::Expr *E);
// Methods that read a container or hand out its elements without changing
// its size.
bool keepsSize(const clang::CXXMethodDecl *Method);
// The object a member call (or member operator call) is made on.
const clang::Expr *objectOf(const clang::Stmt *S);
// The call a reference to a container is the object of (`v.size()`,
// `v[i]`), or null.
const clang::Stmt *userOf(const clang::DeclRefExpr *Ref, const FunctionBody &Body);
const clang::CXXMethodDecl *methodOf(const clang::Stmt *S);

} // namespace memrules

#endif
