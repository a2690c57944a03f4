// Allocator wrappers inferred from their definitions in the TU (RULES.md,
// "allocation"): real projects allocate through table_new()/xstrdup() and
// release through table_free(), not through malloc and free directly.
//
// - An allocator wrapper of family F returns a pointer, and every one of its
//   returns is a null pointer (a failure path), a fresh allocation of F, or
//   a local that only ever holds a fresh allocation of F or null and that
//   the function only borrows (fills it, tests it) before returning it. A
//   function that may return a cached, static or shared object, or a
//   pointer into a block, is not one.
// - A deallocator wrapper of F releases its parameter (the one
//   releasedParameter() picks) with a deallocator of F on every path, or
//   after a null test of it, and never reassigns it.
//
// Wrappers of wrappers are found as long as the inner one is defined first
// (the model learns in parse order).
#ifndef MEMRULES_CHECKS_ANALYSIS_WRAPPERS_H
#define MEMRULES_CHECKS_ANALYSIS_WRAPPERS_H

#include "llvm/ADT/StringRef.h"

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang
namespace llvm {
class raw_ostream;
} // namespace llvm

namespace memrules {

class AllocatorModel;
class FunctionIndex;

// Judges the definition F and, if it is a wrapper, tells Model. Returns
// whether it was one. Ask only about definitions whose body mentions an
// allocator or releaser: this builds F's parent map.
bool inferWrapper(const clang::FunctionDecl &F, AllocatorModel &Model,
                  FunctionIndex &Functions, clang::ASTContext &AST);

// The wrappers Model inferred, as `allocators:` policy lines to paste into
// .memrules.yaml (docs/policy.md), so that the TUs that only see their
// prototypes know them too: one family per wrapped family and never-null
// setting, listing the allocator wrappers, and as deallocators the wrapped
// family's own with the deallocator wrappers of it. A deallocator wrapper
// of a family with no allocator wrapper here is a comment: a policy family
// cannot add a deallocator to libc's.
void printWrapperPolicy(const AllocatorModel &Model, llvm::StringRef File,
                        llvm::raw_ostream &OS);

} // namespace memrules

#endif
