// The allocator model (RULES.md, "allocation"): which calls allocate, which
// release, and which release goes with which allocation. Families come from
// libc and from the policy's `allocators:` (including presets).
#ifndef MEMRULES_CHECKS_ANALYSIS_ALLOCATORS_H
#define MEMRULES_CHECKS_ANALYSIS_ALLOCATORS_H

#include "memrules_policy.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang {
class CallExpr;
class Expr;
class FunctionDecl;
} // namespace clang

namespace memrules {

// Is a libc name declared as libc's: at global scope, in std, or extern "C"?
// (`std::free` and `free` are one function; `mylib::free` is not it.)
bool isLibcDeclaration(const clang::FunctionDecl &F);

struct AllocatorFamily {
  std::string Name;
  std::vector<std::string> Allocators;
  std::vector<std::string> Releasers;
  bool NeverNull = false;
};

class AllocatorModel {
public:
  explicit AllocatorModel(const mr_policy &Policy);

  // Names for narrowing matchers by callee name.
  std::vector<std::string> allocatorNames() const;
  std::vector<std::string> releaserNames() const;

  // The family a call allocates from, or null. realloc(p, n) is not an
  // allocation unless p is a null pointer constant.
  const AllocatorFamily *allocation(const clang::CallExpr &Call) const;

  // Does Call release Arg's memory as a deallocator of Family? Returns the
  // released expression (parens and casts stripped) or null.
  const clang::Expr *releasedBy(const clang::CallExpr &Call,
                                const AllocatorFamily &Family) const;

  // The size operands of a libc allocation (malloc's n, calloc's n and m),
  // empty when the size is not an argument (strdup, project allocators).
  static std::vector<const clang::Expr *> sizeOperands(const clang::CallExpr &Call);
  // The size operands of a call to a policy family's allocator, when its
  // declaration says where the size is: an alloc_size attribute, or the
  // shape `void *f(size)` / `void *f(void *block, size)` (zmalloc,
  // sqlite3_malloc, zrealloc, pool_alloc(pool, n)): one integer parameter,
  // last, in a function returning void * can only be the size in bytes.
  // Empty for anything else (xcalloc(n, size), typed allocators counting
  // elements): not judged rather than guessed.
  static std::vector<const clang::Expr *> familySizeOperands(const clang::CallExpr &Call);

  // The family whose allocator list names Call's callee (a free function),
  // whatever the arguments (realloc(p, n) included), or null. Lets a check
  // ask whether a growing call can return NULL (AllocatorFamily::NeverNull).
  const AllocatorFamily *calleeFamily(const clang::CallExpr &Call) const;

  // The growing calls: realloc, reallocarray, and the policy families'
  // functions named *realloc* in any case (sqlite3_realloc, sqlite3DbRealloc,
  // zrealloc, g_try_realloc...).
  std::vector<std::string> growNames() const;
  // Is Call one of them: libc's realloc/reallocarray (declared at global
  // scope, in std or extern "C", with their arity), or a family's *realloc*
  // function taking a pointer first?
  bool isGrow(const clang::CallExpr &Call) const;

  // The families whose releaser list names Callee (a free function, not a
  // method), in declaration order; empty when Callee releases nothing. A
  // name may be listed by several families (a preset's sub-families share
  // their releaser; a project's family may name libc's free).
  std::vector<const AllocatorFamily *>
  releasingFamilies(const clang::FunctionDecl &Callee) const;

private:
  const AllocatorFamily *familyOf(const clang::FunctionDecl *Callee,
                                  const llvm::StringMap<unsigned> &Names) const;

  std::vector<AllocatorFamily> Families;
  llvm::StringMap<unsigned> AllocatorIndex; // name -> family
  llvm::StringMap<unsigned> ReleaserIndex;  // name -> family
};

// The argument a releaser releases: its only one, or the only `void *`
// parameter's (sqlite3DbFree(db, p)); null when that is ambiguous.
const clang::Expr *releasedArgument(const clang::CallExpr &Call,
                                    const clang::FunctionDecl &Callee);

} // namespace memrules

#endif
