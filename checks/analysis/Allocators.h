// The allocator model (RULES.md, "allocation"): which calls allocate, which
// release, and which release goes with which allocation. Families come from
// libc and from the policy's `allocators:` (including presets), matched by
// name; and, learned while the parser runs, from the project's declarations
// (`ownership_returns`/`ownership_takes`, `malloc`, `alloc_size`) and from
// wrappers inferred from their definitions (checks/analysis/Wrappers.h),
// matched by declaration. The policy wins a name; a declared ownership
// module wins over an inferred wrapper, which wins over a bare `malloc`.
#ifndef MEMRULES_CHECKS_ANALYSIS_ALLOCATORS_H
#define MEMRULES_CHECKS_ANALYSIS_ALLOCATORS_H

#include "memrules_policy.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <deque>
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
  // False for a family whose deallocator is not known (a bare
  // `__attribute__((malloc))` function, an `ownership_returns` module
  // without an `ownership_takes`): the rules that judge releases stay silent
  // on its blocks. (Unlike `free: []`, which says "released in bulk".)
  bool ReleasersKnown = true;
};

// An allocator the model learned from the TU.
struct LearnedAllocator {
  // Where it came from, strongest first: an `ownership_returns` module, an
  // inferred wrapper, a bare `malloc`/`alloc_size` attribute.
  enum Source { Ownership, Inferred, BareAttribute } From = BareAttribute;
  const AllocatorFamily *Family = nullptr;
  bool NeverNull = true;
};

class AllocatorModel {
public:
  explicit AllocatorModel(const mr_policy &Policy);

  // While parsing, for each function of the project's files: read its
  // ownership/malloc/alloc_size attributes. Returns whether it became an
  // allocator or releaser.
  bool learnAttributes(const clang::FunctionDecl &F);
  // Record an inferred wrapper (Wrappers.h): an allocator of Family...
  // NeverNull: unchecked-alloc does not judge its callers; SureNeverNull:
  // it is known never to return NULL (it aborts on failure).
  void addInferredAllocator(const clang::FunctionDecl &F,
                            const AllocatorFamily &Family, bool NeverNull,
                            bool SureNeverNull);
  // ...or a releaser of Families (of its releasedParameter()).
  void addInferredReleaser(const clang::FunctionDecl &F,
                           const std::vector<const AllocatorFamily *> &Families);
  // The wrappers inferred so far, in the order they were found.
  struct Wrapper {
    const clang::FunctionDecl *Function;
    bool Allocates;
    std::vector<const AllocatorFamily *> Families;
    bool SureNeverNull;
  };
  const std::vector<Wrapper> &inferredWrappers() const { return Wrappers; }

  // Is F an allocator or releaser of some family, by name or learned? (For
  // matchers: one hash lookup.)
  bool allocates(const clang::FunctionDecl &F) const;
  bool releases(const clang::FunctionDecl &F) const;
  // Is F's name one the policy or libc lists (rather than learned)?
  bool isNamedAllocator(llvm::StringRef Name) const {
    return AllocatorIndex.count(Name) != 0;
  }
  bool isNamedReleaser(llvm::StringRef Name) const {
    return ReleaserIndex.count(Name) != 0;
  }

  // Can a call to this allocator return NULL? Per function for a learned
  // wrapper (a wrapper that aborts on failure never does), else the
  // family's never-null.
  bool neverNull(const clang::CallExpr &Call) const;

  // Names for narrowing matchers by callee name.
  std::vector<std::string> allocatorNames() const;
  std::vector<std::string> releaserNames() const;

  // The family a call allocates from, or null. Growing a block (realloc,
  // a family's zrealloc: isGrow) is not an allocation unless the block
  // passed is a null pointer constant.
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
  const LearnedAllocator *learnedAllocator(const clang::FunctionDecl *F) const;
  void learnAllocator(const clang::FunctionDecl &F, LearnedAllocator A);
  AllocatorFamily &moduleFamily(llvm::StringRef Module);

  // A deque: families learned while parsing must not move the ones
  // already handed out.
  std::deque<AllocatorFamily> Families;
  llvm::StringMap<unsigned> AllocatorIndex; // name -> family
  llvm::StringMap<unsigned> ReleaserIndex;  // name -> family
  llvm::StringMap<unsigned> Modules;        // ownership module -> family
  // Learned, by canonical declaration.
  llvm::DenseMap<const clang::FunctionDecl *, LearnedAllocator> Allocators;
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::SmallVector<const AllocatorFamily *, 2>> Releasers;
  std::vector<Wrapper> Wrappers;
};

// The parameter a releaser releases: the one its `ownership_takes` names,
// else its only one, or the only `void *` one (sqlite3DbFree(db, p)); -1
// when that is ambiguous.
int releasedParameter(const clang::FunctionDecl &Callee);
// The argument a releaser releases (releasedParameter's), or null.
const clang::Expr *releasedArgument(const clang::CallExpr &Call,
                                    const clang::FunctionDecl &Callee);

} // namespace memrules

#endif
