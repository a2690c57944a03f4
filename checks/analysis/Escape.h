// What an expression does with a pointer into a heap block (RULES.md,
// "escapes"): is the block only borrowed there, released, or may someone
// else keep it? The lifetime rules ask this of every use of a local that
// owns an allocation.
#ifndef MEMRULES_CHECKS_ANALYSIS_ESCAPE_H
#define MEMRULES_CHECKS_ANALYSIS_ESCAPE_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang {
class ASTContext;
class FunctionDecl;
class ParmVarDecl;
class CallExpr;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace memrules {

class AllocatorModel;
class FunctionBody;
class FunctionIndex;

enum class PointerFate {
  Borrowed,     // read, compared, tested, or lent to a call that does not keep it
  Dereferenced, // *p, p[i], p->m: the pointer is not null past this point
  Released,     // handed to a deallocator (free, a family's releaser, delete)
  Escapes,      // returned, stored, converted, or passed to a call that may keep it
  Reassigned,   // the variable itself is the target of `=` (judge the assignment)
};

struct PointerUse {
  PointerFate Fate = PointerFate::Escapes;
  // The call or delete-expression, for Released.
  const clang::Stmt *At = nullptr;
};

// For a call of a libc function that returns a pointer into one of its
// arguments (strchr, memchr, strstr, memcpy, ...): that argument's index;
// -1 for any other call. Lets an analysis follow a pointer through them.
int returnedArgument(const clang::CallExpr &Call, const clang::ASTContext &AST);

class EscapeAnalysis {
public:
  // With TrustConstParameters false, a block lent to a function the TU
  // does not define is kept unless that is a libc function known not to
  // keep it and no other argument is a pointer to a pointer (strtol's
  // endptr, strtok_r's save pointer: a pointer into the block may come back
  // through it); strtok, which keeps its string for the next call, keeps
  // it. For rules that suggest releasing the block earlier, where a missed
  // alias would turn the advice into a use after free.
  EscapeAnalysis(FunctionIndex &Functions, const AllocatorModel &Model,
                 clang::ASTContext &AST, bool TrustConstParameters = true)
      : Functions(Functions), Model(Model), AST(AST),
        TrustConstParameters(TrustConstParameters) {}

  bool trustsConstParameters() const { return TrustConstParameters; }

  // The fate of the block Ref (a reference to the local Var, or with
  // IsVariable false an expression whose value is the block, such as the
  // assignment `p = malloc(n)` itself) points to, at this reference.
  // Pointers derived from it (`p + 1`, `&p->m`, `p->array`, strcpy(p, s)'s
  // result) are followed to where they go. Passing it to a function is a
  // borrow when the parameter points to const, when the callee is a libc
  // function known not to keep its buffer (read, memcpy, snprintf, ...) or a
  // variadic argument of a printf-like function, or when the callee is
  // defined in the TU and only borrows that parameter itself; a release
  // when such a callee may release it; otherwise it escapes (RULES.md:
  // unknown functions with a non-const pointer parameter may keep it).
  // `Var = allocator(Var, n)` (realloc) is a borrow at the reference: the
  // assignment continues the block.
  PointerUse fateOf(const clang::Expr &Ref, const clang::VarDecl &Var,
                    const FunctionBody &Body, bool IsVariable = true);

  // What a function defined in the TU does with the block passed as its
  // parameter: Borrowed (every use borrows or dereferences it), Released
  // (some path may release it), or Escapes. Computed once per parameter.
  PointerFate parameterFate(const clang::FunctionDecl &Callee, unsigned Param);

private:
  FunctionIndex &Functions;
  const AllocatorModel &Model;
  clang::ASTContext &AST;
  const bool TrustConstParameters;
  llvm::DenseMap<const clang::ParmVarDecl *, PointerFate> Summaries;
  llvm::SmallPtrSet<const clang::ParmVarDecl *, 8> InProgress;
  unsigned Depth = 0;
};

} // namespace memrules

#endif
