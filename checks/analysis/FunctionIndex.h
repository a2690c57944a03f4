// The context index: which function a location is in, and, for functions a
// check asks about, a parent map of the body and its loops.
//
// Clang's own ASTContext::getParents builds a parent map of the whole TU on
// first use, which costs a quarter of a parse (CLANG-NOTES.md). Instead, the
// plugin records every function definition as the parser hands top-level
// declarations over (cheap), and builds a parent map only for the body of a
// function in which a check found a candidate.
#ifndef MEMRULES_CHECKS_ANALYSIS_FUNCTIONINDEX_H
#define MEMRULES_CHECKS_ANALYSIS_FUNCTIONINDEX_H

#include "clang/AST/ParentMap.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"

#include <memory>
#include <vector>

namespace clang {
class ASTContext;
class CFG;
class Decl;
class DeclRefExpr;
class VarDecl;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace memrules {

// What a check needs to know about one function body.
class FunctionBody {
public:
  explicit FunctionBody(const clang::FunctionDecl &F);

  const clang::FunctionDecl &function() const { return Function; }
  const clang::Stmt *parent(const clang::Stmt *S) const;
  // Is S a statement of this body? Not so for the copies of a template
  // instantiation, which share the pattern's source locations. Matchers
  // must not ask isInTemplateInstantiation(): it builds the TU parent map.
  bool contains(const clang::Stmt *S) const;
  // The parent, skipping parentheses and casts.
  const clang::Stmt *parentIgnoringParenCasts(const clang::Stmt *S) const;

  // The innermost loop S runs in on every iteration (in its body, condition
  // or increment), or null. A lambda or block between S and the loop hides
  // the loop: its body runs when called, not per iteration.
  const clang::Stmt *innermostLoop(const clang::Stmt *S) const;

  // Is S inside Ancestor (or Ancestor itself)?
  bool isWithin(const clang::Stmt *S, const clang::Stmt *Ancestor) const;

  // The body, condition and increment of a loop statement (some may be null).
  static const clang::Stmt *loopBody(const clang::Stmt *Loop);

  // Every reference to Var in the body, in traversal (source) order. One
  // walk of the body indexes the references of all variables at once.
  const std::vector<const clang::DeclRefExpr *> &
  references(const clang::VarDecl &Var) const;

private:
  const clang::FunctionDecl &Function;
  clang::ParentMap Parents;
  mutable bool Indexed = false;
  mutable llvm::DenseMap<const clang::VarDecl *, std::vector<const clang::DeclRefExpr *>>
      References;
};

class FunctionIndex {
public:
  explicit FunctionIndex(clang::SourceManager &SM);
  ~FunctionIndex();

  // Record the function definitions in a top-level declaration (recursing
  // into namespaces, linkage specs, classes and templates).
  void addTopLevel(clang::Decl *D);

  // The innermost function definition whose body contains Loc, or null.
  const clang::FunctionDecl *enclosing(clang::SourceLocation Loc);

  // The function's body facts, built on first request.
  const FunctionBody &body(const clang::FunctionDecl &F);

  // The body of the function around S, if S is in it as written (not in a
  // template instantiation's copy); null otherwise.
  const FunctionBody *bodyAround(const clang::Stmt &S);

  // For checks that judge a function as written and need its CFG: the
  // body of the function around S, unless that is a template pattern
  // (dependent, no CFG) or an instantiation (a copy of the pattern's
  // statements), or S is not in it. Null otherwise.
  const FunctionBody *nonTemplateBodyAround(const clang::Stmt &S);

  // The function's control-flow graph (Clang's CFG, every expression an
  // element), built on first request and shared by the checks that ask;
  // null if Clang cannot build one. Ask only for candidates: a CFG is cheap
  // but not free.
  const clang::CFG *cfg(const clang::FunctionDecl &F, clang::ASTContext &AST);

private:
  struct Extent {
    unsigned Begin, End; // file offsets of the body, expansion locations
    const clang::FunctionDecl *Function;
  };
  void addFunction(const clang::FunctionDecl *F);

  clang::SourceManager &SM;
  // Per file, extents in the order the parser produced them; sorted lazily.
  llvm::DenseMap<clang::FileID, std::vector<Extent>> Extents;
  bool Sorted = true;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionBody>> Bodies;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<clang::CFG>> CFGs;
};

} // namespace memrules

#endif
