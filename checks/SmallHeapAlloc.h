// small-heap-alloc: a block of a compile-time-constant size no larger than
// max-bytes, held in a local, released in the same function and never
// leaving it: it belongs on the stack (a local array or struct; in C++ an
// automatic object). The source documents' rule 2, "stack before heap".
#ifndef MEMRULES_CHECKS_SMALLHEAPALLOC_H
#define MEMRULES_CHECKS_SMALLHEAPALLOC_H

#include "Check.h"

#include <memory>

namespace clang {
class CallExpr;
class CompoundStmt;
class DeclRefExpr;
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace memrules {

class EscapeAnalysis;
class FunctionBody;
struct Allocation;

class SmallHeapAllocCheck : public Check {
public:
  explicit SmallHeapAllocCheck(CheckContext &Ctx);
  ~SmallHeapAllocCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // The allocators of every family, `new`, and `make_unique`.
  std::vector<std::string> triggers() const override;

private:
  // A call of a family's allocator or a new-expression.
  void judgeBlock(const clang::Expr &Site);
  // `std::unique_ptr<T> p = std::make_unique<T>(...)`.
  void judgeUniquePtr(const clang::VarDecl &Var, const clang::CallExpr &Make);
  // The body around Site, when Site runs at most once per call of the
  // function (not in a loop, lambda or block); null otherwise.
  const FunctionBody *straightBody(const clang::Expr &Site);
  // The release of Var's block if every use of Var only borrows it, sets
  // it to NULL or releases it with A's own deallocator, and some use reads
  // or writes the memory; null otherwise.
  const clang::Stmt *onlyRelease(const clang::VarDecl &Var, const Allocation &A,
                                 const clang::Expr *Assignment,
                                 const FunctionBody &Body);
  // Is S the release of Var's block by A's own deallocator: `free(p)`,
  // `sqlite3DbFree(db, p)`, `delete p` for new, `delete[] p` for new[]?
  bool isOwnRelease(const clang::Stmt *S, const clang::VarDecl &Var,
                    const Allocation &A) const;
  // Does Root release Var with A's own deallocator somewhere? One walk,
  // no parent map: the cheap test before the uses are judged.
  bool releasedIn(const clang::Stmt &Root, const clang::VarDecl &Var,
                  const Allocation &A) const;
  // Does this use of a unique_ptr only look at the object it owns?
  bool onlyLooks(const clang::DeclRefExpr &Ref, const clang::VarDecl &Var,
                 const FunctionBody &Body);
  bool fitsStack(clang::QualType T, clang::SourceLocation Loc, uint64_t &Bytes);

  std::unique_ptr<EscapeAnalysis> Escape;
};

} // namespace memrules

#endif
