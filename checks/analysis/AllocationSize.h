// The size in bytes of an allocation site, when the source fixes it at
// compile time: late-free asks whether a block is large, small-heap-alloc
// whether it is small enough for the stack.
#ifndef MEMRULES_CHECKS_ANALYSIS_ALLOCATIONSIZE_H
#define MEMRULES_CHECKS_ANALYSIS_ALLOCATIONSIZE_H

#include <cstdint>
#include <optional>

namespace clang {
class ASTContext;
class Expr;
} // namespace clang

namespace memrules {

class AllocatorModel;

// Site is a call of a family's allocator or a new-expression. Bytes gets
// its size when every size operand is a constant (the product for calloc,
// sizeof(T) times the count for new[]), and stays empty when one is known
// only at run time. False when the size is not visible at all (strdup, a
// wrapper whose declaration does not say where its size is).
bool allocationBytes(const clang::Expr &Site, const AllocatorModel &Model,
                     clang::ASTContext &AST, std::optional<uint64_t> &Bytes);

} // namespace memrules

#endif
