// What an expression does with a pointer into a heap block (RULES.md,
// "escapes"): is the block only borrowed there, released, or may someone
// else keep it? The lifetime rules ask this of every use of a local that
// owns an allocation.
#ifndef MEMRULES_CHECKS_ANALYSIS_ESCAPE_H
#define MEMRULES_CHECKS_ANALYSIS_ESCAPE_H

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace memrules {

class AllocatorModel;
class FunctionBody;

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

// The fate of the block Ref (a reference to the local Var, or with
// IsVariable false an expression whose value is the block, such as the
// assignment `p = malloc(n)` itself) points to, at this reference. Pointers derived from it (`p + 1`, `&p->m`, `p->array`,
// strcpy(p, s)'s result) are followed to where they go. Passing it to a
// function is a borrow when the parameter points to const, when the callee
// is a libc function known not to keep its buffer (read, memcpy, snprintf,
// ...) or a variadic argument of a printf-like function; otherwise it
// escapes (RULES.md: unknown functions with a non-const pointer parameter
// may keep it). `Var = allocator(Var, n)` (realloc) is a borrow at the
// reference: the assignment continues the block.
PointerUse fateOf(const clang::Expr &Ref, const clang::VarDecl &Var,
                  const FunctionBody &Body, const AllocatorModel &Model,
                  clang::ASTContext &AST, bool IsVariable = true);

} // namespace memrules

#endif
