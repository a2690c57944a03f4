// Can anything other than a local container variable reach its buffer
// after the expression that uses it? Late-free's C++ form asks this of
// every use of an owner (std::vector, std::string, std::unique_ptr<T[]>)
// before suggesting it be released early: a pointer, reference, iterator
// or view into it that lives on (stored in a variable, returned, captured,
// given to a constructor or to another object's method, moved out) would
// make "the loop does not mention it" mean nothing.
#ifndef MEMRULES_CHECKS_ANALYSIS_CONTAINERALIASES_H
#define MEMRULES_CHECKS_ANALYSIS_CONTAINERALIASES_H

namespace clang {
class DeclRefExpr;
class VarDecl;
} // namespace clang

namespace memrules {

class EscapeAnalysis;
class FunctionBody;

// Does the use Ref of the local container Var leave only values behind:
// sizes, element values read or written, copies of the contents, pointers
// lent to calls that do not keep them (Escape decides those, as for C
// blocks), iterators handed to standard algorithms whose results are used
// up the same way, the container passed by reference to a free function?
// False when anything derived from it may outlive the expression.
bool onlyBorrows(const clang::DeclRefExpr &Ref, const clang::VarDecl &Var,
                 const FunctionBody &Body, EscapeAnalysis &Escape);

} // namespace memrules

#endif
