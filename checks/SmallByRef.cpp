#include "SmallByRef.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {

// A record whose last field is an array of 0 or 1 elements, or flexible:
// the object is usually longer than sizeof, and a copy would cut it.
static bool mayRunPastItsSize(const RecordDecl &Record) {
  if (Record.hasFlexibleArrayMember())
    return true;
  const FieldDecl *Last = nullptr;
  for (const FieldDecl *Field : Record.fields())
    Last = Field;
  if (!Last)
    return false;
  if (const auto *Array = dyn_cast<ConstantArrayType>(
          Last->getType()->getUnqualifiedDesugaredType()))
    return Array->getSize().ule(1);
  return Last->getType()->isIncompleteArrayType();
}

// A volatile or atomic field: reading a copy is not reading the object.
static bool hasVolatileOrAtomicField(const RecordDecl &Record, unsigned Depth = 0) {
  for (const FieldDecl *Field : Record.fields()) {
    QualType T = Field->getType();
    if (T.isVolatileQualified() || T->isAtomicType())
      return true;
    if (const RecordDecl *Inner = T->getAsRecordDecl())
      if (Depth < 8 && hasVolatileOrAtomicField(*Inner, Depth + 1))
        return true;
  }
  return false;
}

// The record a `const T *` or `const T &` parameter lends, if it is one the
// rule is about: complete, const and not volatile, trivially copyable.
static const RecordDecl *lentRecord(const ParmVarDecl &P, ASTContext &AST) {
  QualType T = P.getType();
  if (!T->isPointerType() && !T->isLValueReferenceType())
    return nullptr;
  QualType Pointee = T->getPointeeType();
  if (!Pointee.isConstQualified() || Pointee.isVolatileQualified() ||
      !Pointee->isRecordType() || Pointee->isDependentType() ||
      Pointee->isIncompleteType() || !Pointee.isTriviallyCopyableType(AST))
    return nullptr;
  const RecordDecl *Record = Pointee->getAsRecordDecl();
  if (!Record || Record->isInvalidDecl() || mayRunPastItsSize(*Record) ||
      hasVolatileOrAtomicField(*Record))
    return nullptr;
  return Record;
}

// Another parameter through which the function may write an object of the
// same type: `*out` may be `*in`, and by value `in` would stop seeing the
// writes.
static bool mayAlias(const FunctionDecl &F, const ParmVarDecl &P) {
  QualType Record = P.getType()->getPointeeType().getCanonicalType().getUnqualifiedType();
  for (const ParmVarDecl *Other : F.parameters()) {
    if (Other == &P)
      continue;
    QualType T = Other->getType();
    if (!T->isPointerType() && !T->isReferenceType())
      continue;
    QualType Pointee = T->getPointeeType();
    if (!Pointee.isConstQualified() &&
        Pointee.getCanonicalType().getUnqualifiedType() == Record)
      return true;
  }
  return false;
}

void SmallByRefCheck::judge(const FunctionDecl &F) {
  if (F.getNumParams() == 0)
    return;
  SourceLocation FLoc = F.getLocation();
  if (F.isExternallyVisible() &&
      option(MR_OPTION_SMALL_BY_REF_ONLY_INTERNAL, FLoc) != 0)
    return;
  // Copy constructors and operators take `const T &` by convention.
  if (isa<CXXConstructorDecl>(F) || F.isOverloadedOperator())
    return;
  const ParmVarDecl *Candidates[8];
  unsigned Count = 0;
  for (const ParmVarDecl *P : F.parameters()) {
    if (!P->getIdentifier() || !P->isReferenced() || P->isInvalidDecl())
      continue;
    const RecordDecl *Record = lentRecord(*P, Ctx.AST);
    if (!Record)
      continue;
    uint64_t Bytes =
        Ctx.AST.getTypeSizeInChars(P->getType()->getPointeeType()).getQuantity();
    if (Bytes == 0 ||
        Bytes > uint64_t(option(MR_OPTION_SMALL_BY_REF_MAX_BYTES, P->getLocation())))
      continue;
    if (Count < 8)
      Candidates[Count++] = P;
  }
  if (!Count || !signatureIsOwn(F))
    return;
  bool CPlusPlus = Ctx.AST.getLangOpts().CPlusPlus;
  for (unsigned I = 0; I < Count; ++I) {
    const ParmVarDecl &P = *Candidates[I];
    SourceLocation Loc = P.getLocation();
    if (Loc.isMacroID() || !wants(Loc) || mayAlias(F, P) ||
        !onlyReadsPointee(P, F) || addressTaken(F))
      continue;
    QualType Pointee = P.getType()->getPointeeType().getLocalUnqualifiedType();
    PrintingPolicy Policy = Ctx.AST.getPrintingPolicy();
    Policy.SuppressTagKeyword = CPlusPlus;
    std::string Type = Pointee.getAsString(Policy);
    uint64_t Bytes = Ctx.AST.getTypeSizeInChars(Pointee).getQuantity();
    std::string Name = P.getName().str();
    bool Reference = P.getType()->isReferenceType();
    Finding Found = finding(
        Loc, "parameter '" + Name + "' " + (Reference ? "refers" : "points") +
                 " to '" + Type + "' (" + std::to_string(Bytes) +
                 " bytes), which the function only reads; pass it by value ('" +
                 Type + " " + Name +
                 "'): it fits in registers and spares every read an indirection");
    Found.Owner = &F;
    Ctx.Report.report(Found);
  }
}

} // namespace memrules
