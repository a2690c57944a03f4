// redundant-copy: a copy that is only read while its source stays unchanged
// (RULES.md, copy family). Reading the source costs nothing; the copy costs
// an allocation (C) or a deep copy (C++).
//
// C (RedundantCopy.cpp): `q = strdup(s)` (or a family's *strdup, or
// strndup(s, strlen(s))), or `q = malloc(n)` filled by memcpy(q, s, n) /
// strcpy(q, s), where q is only read and then freed in the function, and
// nothing may change or free s while q is live.
// C++ (RedundantCopyCxx.cpp): a local copy-constructed from another local,
// a const reference, a member, or a method's or function's const reference
// result, that nothing changes while the copy is used; a range-for loop
// variable copied by value and only read; a by-value parameter only read.
// C++, FF-5 (RedundantCopyLookup.cpp): a std::string built only to look a
// key up in a std::string-keyed map or set, which could find it by view.
// Expensive means not trivially copyable, or larger than max-trivial-bytes.
#ifndef MEMRULES_CHECKS_REDUNDANTCOPY_H
#define MEMRULES_CHECKS_REDUNDANTCOPY_H

#include "Check.h"
#include "analysis/ParamUses.h"

#include "llvm/ADT/SmallPtrSet.h"

namespace clang {
class CXXForRangeStmt;
class CXXMemberCallExpr;
} // namespace clang

namespace memrules {

class FunctionBody;
struct CopySite;

class RedundantCopyCheck : public Check {
public:
  explicit RedundantCopyCheck(CheckContext &Ctx)
      : Check(MR_RULE_REDUNDANT_COPY, Ctx), AddressTaken(Ctx.AST) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override;
  // The C++ forms start from declarations, which no identifier announces.
  bool walksEveryBody() const override;
  bool asksAddressTaken() const override;
  // By-value parameters are judged once matching is over, like the
  // signature rules (SignatureCheck.h).
  void onEndOfTranslationUnit() override;

private:
  // C.
  std::vector<std::string> strdupNames() const;
  void judgeStrdup(const clang::CallExpr &Copy);
  void judgeFill(const clang::CallExpr &Fill);
  void judgeSite(CopySite &Site, const FunctionBody &Body, const clang::CallExpr &Copy);
  // C++.
  void registerCxxMatchers(clang::ast_matchers::MatchFinder &Finder);
  void runCxx(const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void judgeLocalCopy(const clang::VarDecl &Copy);
  void judgeRangeFor(const clang::CXXForRangeStmt &Loop);
  void judgeParameters(const clang::FunctionDecl &F);
  bool isExpensive(clang::QualType T, clang::SourceLocation Loc);
  // FF-5.
  void judgeLookup(const clang::CXXMemberCallExpr &Call);
  void judgeLookupKey(const clang::VarDecl &Key);
  bool adviseContainers(llvm::ArrayRef<const clang::CXXMemberCallExpr *> Lookups,
                        std::string &Cure, Finding &F);

  AddressTakenFunctions AddressTaken;
  bool ParametersJudged = false;
  llvm::SmallPtrSet<const clang::VarDecl *, 4> JudgedKeys;
};

} // namespace memrules

#endif
