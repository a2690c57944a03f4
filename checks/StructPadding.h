// struct-padding: a record whose size would shrink by at least `min-bytes`
// (or `min-bytes-in-arrays` when the TU makes arrays of it or allocates it in
// bulk) if its fields were ordered by decreasing alignment.
//
// Records are collected while matching and judged at the end of the TU, once
// every array and bulk allocation of them has been seen.
#ifndef MEMRULES_CHECKS_STRUCTPADDING_H
#define MEMRULES_CHECKS_STRUCTPADDING_H

#include "Check.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <cstdint>
#include <vector>

namespace clang {
class CallExpr;
class CXXRecordDecl;
class Expr;
class InitListExpr;
class RecordDecl;
} // namespace clang

namespace memrules {

class StructPaddingCheck : public Check {
public:
  explicit StructPaddingCheck(CheckContext &Ctx) : Check(MR_RULE_STRUCT_PADDING, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // Bulk allocations (calloc(n, sizeof(struct x))) sit in function bodies.
  std::vector<std::string> triggers() const override {
    return Ctx.Allocators.allocatorNames();
  }
  void onRecordDefinition(const clang::RecordDecl &Record) override;
  void onEndOfTranslationUnit() override;

private:
  // An array of the record, or a bulk allocation of it.
  struct Use {
    clang::SourceLocation Loc;
    uint64_t Count; // elements; 0 when not a constant
    bool Bulk;      // heap allocation rather than an array declaration
  };

  void noteRecord(const clang::RecordDecl *RD);
  void noteArrayDecl(const clang::DeclaratorDecl *D);
  void addUse(const clang::RecordDecl *RD, clang::SourceLocation Loc,
              uint64_t Count, bool Bulk);
  void noteArray(clang::QualType Type, clang::SourceLocation Loc);
  void noteAllocation(const clang::CallExpr &Call);
  void findProducts(const clang::Expr *E, clang::SourceLocation Loc);
  void noteInitList(const clang::InitListExpr &Init);
  void judge(const clang::RecordDecl *RD);
  uint64_t smallestSavingReported(const clang::RecordDecl *RD,
                                  clang::SourceLocation Loc);
  // Has the class an empty class anywhere among its subobjects (itself, its
  // bases, its fields, recursively)? Such subobjects may not share an
  // offset with another of the same type, which moves fields and bases.
  bool hasEmptySubobject(const clang::CXXRecordDecl *RD, unsigned Depth = 0);

  std::vector<const clang::RecordDecl *> Candidates;
  llvm::DenseSet<const clang::RecordDecl *> Seen;
  llvm::DenseMap<const clang::RecordDecl *, std::vector<Use>> Uses;
  llvm::DenseSet<const void *> SeenUses;
  // Records this TU initializes with positional brace initializers: a field
  // reorder would silently change their meaning, so they get no fix-it.
  llvm::DenseSet<const clang::RecordDecl *> PositionalInit;
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> EmptyMemo;
};

} // namespace memrules

#endif
