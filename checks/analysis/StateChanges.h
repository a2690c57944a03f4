// What may change an object while a copy of it is in use. redundant-copy
// asks this before it suggests that a copy become a `const T &` (or a
// string view): the reference would see every change the copy does not.
#ifndef MEMRULES_CHECKS_ANALYSIS_STATECHANGES_H
#define MEMRULES_CHECKS_ANALYSIS_STATECHANGES_H

#include "llvm/ADT/ArrayRef.h"

namespace clang {
class CallExpr;
class VarDecl;
} // namespace clang

namespace memrules {

class FunctionBody;

// Could Call change an object the caller can name: a non-const method (an
// associative container's lookup excepted: find, count, ...), a callee
// taking a non-const reference or pointer, a variadic or unknown callee?
bool mayMutate(const clang::CallExpr &Call);

// Who can reach the object the copy was taken from.
enum class Reach {
  // Only what the function names: a local, a `const` reference or pointer,
  // the object of a `const` method. A change is a call that may mutate
  // (mayMutate) or that rewrites a libc static buffer or the environment
  // (setenv, strtok, ctime...), an assignment or increment of anything but
  // an unrelated scalar local, a move from a named object, or a delete.
  Named,
  // Any code that runs: the object of a non-const method, what a free
  // function returns by reference (global state, usually). Every call
  // counts too, unless it is a known-pure function (`pure`/`const`
  // attributes; a standard-library function given only values and
  // standard-library objects, no callbacks) or a `const` method of an
  // unrelated local object.
  Anywhere,
};

// May anything change the object Copy was copied from while Copy is in use?
// In use: from Copy's initialiser to its last use, or the last use of a
// local initialised or assigned from an expression naming Copy (a pointer,
// view or iterator into it), or the end of a range-for over it; a use in a
// loop that does not declare Copy anew each iteration stretches this over
// the whole loop. Roots are the variables the object is reached through
// (`p` of `p->name`, the reference `r`): assigning them counts as a change,
// assigning other locals does not.
bool mayChangeWhileInUse(const FunctionBody &Body, const clang::VarDecl &Copy, Reach R,
                         llvm::ArrayRef<const clang::VarDecl *> Roots);

} // namespace memrules

#endif
