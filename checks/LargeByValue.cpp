#include "LargeByValue.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {

void LargeByValueCheck::judge(const FunctionDecl &F) {
  // First by type, which costs nothing: a record larger than max-bytes.
  const ParmVarDecl *Candidates[8];
  unsigned Count = 0;
  for (const ParmVarDecl *P : F.parameters()) {
    QualType T = P->getType();
    if (!T->isRecordType() || T->isDependentType() || T->isIncompleteType() ||
        !P->getIdentifier() || !P->isReferenced() || P->isInvalidDecl())
      continue;
    uint64_t Bytes = Ctx.AST.getTypeSizeInChars(T).getQuantity();
    if (Bytes <= uint64_t(option(MR_OPTION_LARGE_BY_VALUE_MAX_BYTES, P->getLocation())))
      continue;
    if (Count < 8)
      Candidates[Count++] = P;
  }
  if (!Count || !signatureIsOwn(F))
    return;
  for (unsigned I = 0; I < Count; ++I) {
    const ParmVarDecl &P = *Candidates[I];
    SourceLocation Loc = P.getLocation();
    if (Loc.isMacroID() || !wants(Loc) || !isOnlyRead(P, F) ||
        addressTaken(F))
      continue;
    QualType T = P.getType().getLocalUnqualifiedType();
    bool CPlusPlus = Ctx.AST.getLangOpts().CPlusPlus;
    PrintingPolicy Policy = Ctx.AST.getPrintingPolicy();
    Policy.SuppressTagKeyword = CPlusPlus;
    std::string Type = T.getAsString(Policy);
    uint64_t Bytes = Ctx.AST.getTypeSizeInChars(T).getQuantity();
    std::string Name = P.getName().str();
    std::string Better = CPlusPlus ? "'const " + Type + " &" + Name + "'"
                                   : "'const " + Type + " *" + Name + "'";
    Finding Found = finding(
        Loc, "parameter '" + Name + "' copies all " + std::to_string(Bytes) +
                 " bytes of '" + Type +
                 "' on every call although the function only reads it; pass " +
                 Better + " instead, which copies " +
                 (CPlusPlus ? "nothing" : "one pointer"));
    Found.Owner = &F;
    Ctx.Report.report(Found);
  }
}

} // namespace memrules
