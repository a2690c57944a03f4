// Does a use of a C variable only read it and the memory it points to?
// redundant-copy asks this of a copy (which may then be replaced by its
// source) and of the source (which must stay unchanged while the copy is
// live): a write through either, or a pointer into either handed to someone
// who may write through it, ends the question.
#ifndef MEMRULES_CHECKS_ANALYSIS_READONLYUSES_H
#define MEMRULES_CHECKS_ANALYSIS_READONLYUSES_H

#include <vector>

namespace clang {
class CallExpr;
class Stmt;
class VarDecl;
class DeclRefExpr;
class FunctionDecl;
} // namespace clang

namespace memrules {

class FunctionBody;

// Is Ref (a reference to a variable, or to a struct of which it reads
// fields) only read there, with what it points to: its value compared,
// tested, dereferenced or indexed for a read, passed to a `const T *`
// parameter or as a printf-like variadic argument; never assigned,
// incremented, its address taken, written through, or passed where the
// callee may write (a non-const pointer, a call returning a pointer into it
// that is then used). Anything not recognised counts as a write.
bool onlyReads(const clang::DeclRefExpr &Ref, const FunctionBody &Body);

// libc functions that return or fill a buffer of their own, overwritten by
// their next call (ctime, strtok, getenv, strerror, ...), or that change
// the environment getenv's results point into (setenv, putenv): a string
// obtained from one may change under a later call without being named.
bool reusesStaticBuffer(const clang::FunctionDecl &F);

// The variables S names, and whether it uses `this`: what a copy's source
// was computed from, whose change would change the source.
std::vector<const clang::VarDecl *> variablesIn(const clang::Stmt &S, bool &UsesThis);

} // namespace memrules

#endif
