// substring-copy: zero-copy parsing (RULES.md). Inside a loop, a slice of a
// buffer that outlives the loop unchanged is copied into a fresh string
// (strndup, or malloc(n + 1) + memcpy + NUL) only to be kept in a record (a
// struct field or an array element): one allocation and one copy per
// record, where a pointer into the buffer and a length would do.
#ifndef MEMRULES_CHECKS_SUBSTRINGCOPY_H
#define MEMRULES_CHECKS_SUBSTRINGCOPY_H

#include "Check.h"

namespace memrules {

class BufferOrigins;
class FunctionBody;

class SubstringCopyCheck : public Check {
public:
  explicit SubstringCopyCheck(CheckContext &Ctx) : Check(MR_RULE_SUBSTRING_COPY, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override;

  // One copy of a slice: the allocating call, what it copies, and where the
  // copy goes (a local first, or straight into the record).
  struct SliceCopy {
    const clang::CallExpr *Allocation = nullptr;
    const clang::Expr *Source = nullptr;
    const clang::Expr *Length = nullptr;
    const clang::CallExpr *Memcpy = nullptr;      // malloc + memcpy form
    const clang::BinaryOperator *Nul = nullptr;   // its `q[n] = 0`
    const clang::VarDecl *Local = nullptr;        // the copy held in a local
    const clang::Expr *Record = nullptr;          // the field or element kept
    const clang::Expr *Store = nullptr;           // `Record = copy`
  };

private:
  void judge(const clang::CallExpr &Call, SliceCopy &Copy, const FunctionBody &Body);
  bool isStrndup(const clang::CallExpr &Call) const;
  bool fromStrndup(const clang::CallExpr &Call, const FunctionBody &Body,
                   SliceCopy &Copy) const;
  bool fromMemcpy(const clang::CallExpr &Call, const clang::CompoundStmt &Block,
                  SliceCopy &Copy) const;
  bool localOnlyKept(SliceCopy &Copy, const FunctionBody &Body,
                     const clang::Stmt &Loop) const;
  bool recordOnlyKept(const SliceCopy &Copy, const FunctionBody &Body) const;
  bool recordUseAllowed(const clang::Expr &Use, const SliceCopy &Copy,
                        const FunctionBody &Body) const;
  bool outlivesLoop(const clang::VarDecl &Root, clang::SourceLocation From,
                    BufferOrigins &Origins) const;
  void report(const SliceCopy &Copy, const clang::VarDecl &Root,
              const clang::Stmt &Loop, const FunctionBody &Body);
};

} // namespace memrules

#endif
