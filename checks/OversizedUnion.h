// oversized-union: the "box the large enum variant" rule. A union (a named
// one, the anonymous union of a tagged-union struct, the union type of a
// field) or a C++ std::variant whose largest member is larger than the next
// largest by at least `min-bytes` and by a factor of at least `ratio`: every
// value pays for the largest member; store that member behind a pointer.
//
// Unions are judged when their definition is matched (records are always
// traversed). A std::variant type is judged once per TU, at the first
// declaration that spells it (a variable, field, parameter, typedef or
// alias); findings for variants are reported at the end of the TU so that
// "first" is the first in source order.
#ifndef MEMRULES_CHECKS_OVERSIZEDUNION_H
#define MEMRULES_CHECKS_OVERSIZEDUNION_H

#include "Check.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <vector>

namespace clang {
class ClassTemplateSpecializationDecl;
class DeclaratorDecl;
class RecordDecl;
class TemplateSpecializationType;
} // namespace clang

namespace memrules {

class OversizedUnionCheck : public Check {
public:
  explicit OversizedUnionCheck(CheckContext &Ctx) : Check(MR_RULE_OVERSIZED_UNION, Ctx) {}
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // std::variant locals sit in function bodies; unions need no trigger.
  std::vector<std::string> triggers() const override {
    if (Ctx.AST.getLangOpts().CPlusPlus)
      return {"variant"};
    return {};
  }
  void onRecordDefinition(const clang::RecordDecl &Record) override;
  void onEndOfTranslationUnit() override;

private:
  // One declaration spelling a std::variant type.
  struct VariantUse {
    const clang::Decl *D;
    const clang::TemplateSpecializationType *Written;
  };

  void visitRecord(const clang::RecordDecl *RD, unsigned Depth = 0);
  void judgeUnion(const clang::RecordDecl *RD);
  void noteVariantSpelling(const clang::Decl *D, clang::QualType Written);
  void judgeVariant(const clang::ClassTemplateSpecializationDecl *Variant,
                    const VariantUse &Use);

  llvm::DenseSet<const clang::RecordDecl *> Seen;
  // C unions as the parser completed them, judged at the end of the TU.
  std::vector<const clang::RecordDecl *> DefinedUnions;
  llvm::DenseSet<const clang::Decl *> SeenDecls;
  // Per variant specialization, its first spelling in the TU.
  llvm::DenseMap<const clang::ClassTemplateSpecializationDecl *, VariantUse>
      Variants;
  std::vector<const clang::ClassTemplateSpecializationDecl *> VariantOrder;
};

} // namespace memrules

#endif
