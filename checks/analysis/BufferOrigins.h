// Where a pointer points, for zero-copy parsing (RULES.md substring-copy):
// the buffer a pointer expression points into, followed back through the
// cursors a parser derives from it (`p + n`, `&buf[i]`, `strchr(p, ',')`,
// a local `start = p`), and whether that buffer can change from a given
// point of the function on: written through any of those pointers, handed
// to a function that may write or free it, or the variable reassigned.
#ifndef MEMRULES_CHECKS_ANALYSIS_BUFFERORIGINS_H
#define MEMRULES_CHECKS_ANALYSIS_BUFFERORIGINS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

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
class FunctionIndex;

class BufferOrigins {
public:
  BufferOrigins(const FunctionBody &Body, FunctionIndex &Functions,
                const AllocatorModel &Model, clang::ASTContext &AST)
      : Body(Body), Functions(Functions), Model(Model), AST(AST) {}

  // The variable whose buffer E points into: a parameter, a global or
  // static, a local array, or a local pointer with a single definition
  // that is not itself derived from another buffer (`buf = malloc(n)`).
  // Null when some definition along the way is not such a derivation (a
  // load from memory, a call of another kind, an address taken).
  const clang::VarDecl *rootOf(const clang::Expr *E);

  // Can Root's buffer change at or after From (an expansion location):
  // Root reassigned (other than advanced within itself), or Root or a local
  // pointer derived from it written through, stored anywhere but such a
  // local, handed to a function through a non-const pointer (which may
  // write or free it), or its address taken? Before From, filling the
  // buffer is fine, but a pointer into it kept by anyone (stored, or lent
  // to a function that may keep it, see EscapeAnalysis) could write it
  // later: that counts too.
  bool changesFrom(const clang::VarDecl &Root, clang::SourceLocation From);

  // The expressions that give Var a value: its initializer and the
  // right-hand sides of `Var = ...`. False if its address is taken.
  bool definitions(const clang::VarDecl &Var,
                   llvm::SmallVectorImpl<const clang::Expr *> &Out) const;

private:
  struct Origin {
    const clang::VarDecl *Root = nullptr;
    bool Cycle = false; // refers back to a variable being traced
    static Origin none() { return {}; }
  };
  Origin trace(const clang::Expr *E);
  Origin traceVar(const clang::VarDecl &Var);
  static Origin join(Origin A, Origin B);
  // Is the pointer value E only read from here on (compared, tested,
  // dereferenced for reading, lent as a pointer to const, kept in a local
  // of the alias set)?
  bool onlyRead(const clang::Expr *E, unsigned Depth);
  bool lvalueOnlyRead(const clang::Expr *E, unsigned Depth);
  bool callOnlyReads(const clang::CallExpr &Call, unsigned Arg, unsigned Depth);
  bool isAlias(const clang::VarDecl *Var) const;

  const FunctionBody &Body;
  FunctionIndex &Functions;
  const AllocatorModel &Model;
  clang::ASTContext &AST;
  const clang::VarDecl *RootVar = nullptr; // the root changesFrom() judges
  bool BeforeFrom = false; // judging a use before From
  llvm::DenseMap<const clang::VarDecl *, const clang::VarDecl *> Roots; // memo
  llvm::SmallPtrSet<const clang::VarDecl *, 8> InProgress;
  llvm::SmallPtrSet<const clang::VarDecl *, 8> Aliases; // of the root judged
  unsigned Steps = 0;
};

} // namespace memrules

#endif
