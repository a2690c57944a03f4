// oversized-union (RULES.md): a union or std::variant whose largest member is
// larger than the next largest by at least `min-bytes` and by a factor of at
// least `ratio`. Every value of the type is as large as its largest member,
// so a rarely used large member makes every value pay for it; stored behind
// a pointer it costs one pointer.
//
// Unions: every union definition of the project's own files, including the
// anonymous union of a tagged-union struct and the unnamed union type of a
// field. Silent on type-punning overlays (a char/unsigned char/signed char/
// std::byte array as large as the whole union), variable-length layouts (a
// member ending in a flexible array or the [0]/[1] idiom), packed layouts,
// unions with fewer than two members or whose largest member is no larger
// than a pointer, unions in system headers, template patterns and
// instantiations, invalid declarations.
//
// std::variant: judged from its template arguments (only when every
// alternative is a complete, non-dependent type and the specialization is
// complete), once per TU, at the first declaration that spells the
// std::variant type: a variable, field or parameter whose declared type is
// written `std::variant<...>` (possibly behind const, &, * or []), or a
// typedef / alias declaration of it. A declaration whose type reaches the
// variant through a typedef does not spell it (the typedef does).
#include "OversizedUnion.h"

#include "../plugin/Suppressions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"

#include <algorithm>
#include <string>

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

// Does DC (or anything around it) depend on template parameters, or belong
// to a template instantiation? The layout of a pattern is unknown; an
// instantiation is reported, if at all, on the pattern's terms: never.
bool inTemplate(const DeclContext *DC) {
  if (!DC)
    return false;
  if (DC->isDependentContext())
    return true;
  for (; DC; DC = DC->getParent()) {
    if (const auto *C = dyn_cast<CXXRecordDecl>(DC)) {
      TemplateSpecializationKind TSK = C->getTemplateSpecializationKind();
      if (TSK != TSK_Undeclared && TSK != TSK_ExplicitSpecialization)
        return true;
    } else if (const auto *F = dyn_cast<FunctionDecl>(DC)) {
      if (F->isTemplateInstantiation())
        return true;
    }
  }
  return false;
}

// The std::variant written in T itself (behind qualifiers, references,
// pointers, arrays, parentheses), not through a typedef or alias.
const TemplateSpecializationType *writtenVariant(QualType T) {
  for (unsigned Guard = 0; !T.isNull() && Guard < 32; ++Guard) {
    const Type *Ty = T.getTypePtr();
    if (const auto *E = dyn_cast<ElaboratedType>(Ty)) {
      T = E->getNamedType();
    } else if (const auto *P = dyn_cast<ParenType>(Ty)) {
      T = P->getInnerType();
    } else if (const auto *A = dyn_cast<AdjustedType>(Ty)) {
      T = A->getOriginalType();
    } else if (const auto *At = dyn_cast<AttributedType>(Ty)) {
      T = At->getModifiedType();
    } else if (const auto *R = dyn_cast<ReferenceType>(Ty)) {
      T = R->getPointeeTypeAsWritten();
    } else if (const auto *P = dyn_cast<PointerType>(Ty)) {
      T = P->getPointeeType();
    } else if (const auto *Arr = dyn_cast<ArrayType>(Ty)) {
      T = Arr->getElementType();
    } else if (const auto *TST = dyn_cast<TemplateSpecializationType>(Ty)) {
      if (TST->isTypeAlias() || TST->isDependentType())
        return nullptr;
      const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl();
      if (!TD || !isa<ClassTemplateDecl>(TD) || !TD->getIdentifier() ||
          TD->getName() != "variant" || !TD->isInStdNamespace())
        return nullptr;
      return TST;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

QualType spelledType(const Decl &D) {
  if (const auto *TD = dyn_cast<TypedefNameDecl>(&D))
    return TD->getUnderlyingType();
  if (const auto *DD = dyn_cast<DeclaratorDecl>(&D))
    return DD->getType();
  return QualType();
}

AST_MATCHER(Decl, spellsVariant) {
  return writtenVariant(spelledType(Node)) != nullptr;
}

// A member of a union or an alternative of a variant.
struct Member {
  std::string Name; // quoted name, or a description of an unnamed member
  uint64_t Size;    // bytes
  SourceLocation Loc;
};

// Is T an array of char, signed char, unsigned char or std::byte?
bool isByteArray(const ASTContext &AST, QualType T) {
  if (!T->isArrayType())
    return false;
  QualType Elem = AST.getBaseElementType(T).getCanonicalType();
  if (Elem->isCharType())
    return true;
  if (const auto *ET = Elem->getAs<EnumType>()) {
    const EnumDecl *ED = ET->getDecl();
    return ED->getIdentifier() && ED->getName() == "byte" &&
           ED->isInStdNamespace();
  }
  return false;
}

// Does a value of T end in an array whose real length is decided at run time
// (a flexible array member, or the old `[0]`/`[1]` idiom for one)? A union
// with such a member describes a variable-length message or record
// allocated at its real size, not a fixed-size value.
bool variableLength(const ASTContext &AST, QualType T, unsigned Depth = 0) {
  if (T.isNull() || Depth > 8)
    return false;
  T = T.getCanonicalType();
  if (T->isIncompleteArrayType())
    return true;
  if (const auto *CA = AST.getAsConstantArrayType(T))
    return CA->getSize().getLimitedValue() <= 1;
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return false;
  const FieldDecl *Last = nullptr;
  for (const FieldDecl *F : RD->fields()) {
    if (RD->isUnion() && variableLength(AST, F->getType(), Depth + 1))
      return true;
    Last = F;
  }
  return !RD->isUnion() && Last && variableLength(AST, Last->getType(), Depth + 1);
}

// Is the layout of RD fixed by a packed attribute or #pragma pack, on it or
// on a record around it? Such layouts mirror a wire or disk format, where a
// pointer is no option.
bool packedLayout(const RecordDecl *RD) {
  for (const DeclContext *DC = RD; DC; DC = DC->getParent())
    if (const auto *R = dyn_cast<RecordDecl>(DC))
      if (R->hasAttr<PackedAttr>() || R->hasAttr<MaxFieldAlignmentAttr>())
        return true;
  return false;
}

// "struct 'value'", "union 'value_data'", "union 'value_t'" (a typedef of an
// anonymous union), "the anonymous union in struct 'value'", "the union of
// field 'u' in struct 'value'", "an anonymous union".
std::string recordName(const RecordDecl *RD, unsigned Depth = 0) {
  std::string Kind = RD->getKindName().str();
  if (RD->getIdentifier())
    return Kind + " '" + RD->getQualifiedNameAsString() + "'";
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return Kind + " '" + TD->getName().str() + "'";
  const auto *Parent = dyn_cast<RecordDecl>(RD->getDeclContext());
  if (Parent && Depth < 8) {
    if (RD->isAnonymousStructOrUnion())
      return "the anonymous " + Kind + " in " + recordName(Parent, Depth + 1);
    for (const FieldDecl *F : Parent->fields()) {
      QualType T = F->getType();
      if (T.isNull() || !F->getIdentifier())
        continue;
      const RecordDecl *Of =
          F->getASTContext().getBaseElementType(T)->getAsRecordDecl();
      if (Of == RD)
        return "the " + Kind + " of field '" + F->getName().str() + "' in " +
               recordName(Parent, Depth + 1);
    }
  }
  return "an anonymous " + Kind;
}

std::string memberName(const FieldDecl *F) {
  if (F->getIdentifier())
    return "'" + F->getName().str() + "'";
  if (const RecordDecl *R = F->getType()->getAsRecordDecl())
    return "an anonymous " + R->getKindName().str();
  return "an unnamed bit-field";
}

// Capitalization is left as is: messages start with the type's name.
std::string sizeText(uint64_t Bytes) {
  return std::to_string(Bytes) + (Bytes == 1 ? " byte" : " bytes");
}

// Sorts Members by decreasing size and decides whether the largest is
// oversized. Stable, so among equals the first declared comes first.
bool oversized(std::vector<Member> &Members, uint64_t MinBytes, uint64_t Ratio) {
  if (Members.size() < 2)
    return false;
  std::stable_sort(Members.begin(), Members.end(),
                   [](const Member &A, const Member &B) { return A.Size > B.Size; });
  uint64_t Largest = Members[0].Size, Next = Members[1].Size;
  return Largest - Next >= MinBytes && Largest >= Ratio * Next;
}

} // namespace

void OversizedUnionCheck::registerMatchers(MatchFinder &Finder) {
  bool CPlusPlus = Ctx.AST.getLangOpts().CPlusPlus;
  if (!CPlusPlus) {
    Finder.addMatcher(recordDecl(isDefinition(), isUnion(),
                                 unless(isExpansionInSystemHeader()))
                          .bind("record"),
                      this);
    return;
  }
  // C++: every class, so that the unions and variant fields nested in a
  // class matched on its own (TraversalPlan's MatchAlone) are seen too.
  Finder.addMatcher(
      recordDecl(isDefinition(), unless(isExpansionInSystemHeader())).bind("record"),
      this);
  Finder.addMatcher(
      varDecl(spellsVariant(), unless(isExpansionInSystemHeader())).bind("decl"),
      this);
  Finder.addMatcher(
      fieldDecl(spellsVariant(), unless(isExpansionInSystemHeader())).bind("decl"),
      this);
  Finder.addMatcher(typedefNameDecl(spellsVariant(),
                                    unless(isExpansionInSystemHeader()))
                        .bind("decl"),
                    this);
}

void OversizedUnionCheck::run(const MatchFinder::MatchResult &Result) {
  if (const auto *RD = Result.Nodes.getNodeAs<RecordDecl>("record")) {
    visitRecord(RD);
    return;
  }
  if (const auto *D = Result.Nodes.getNodeAs<Decl>("decl"))
    noteVariantSpelling(D, spelledType(*D));
}

void OversizedUnionCheck::visitRecord(const RecordDecl *RD, unsigned Depth) {
  if (Depth > 16 || !RD->isCompleteDefinition() || RD->isInvalidDecl() ||
      RD->isImplicit() || !Seen.insert(RD).second)
    return;
  if (inTemplate(RD))
    return;
  if (RD->isUnion())
    judgeUnion(RD);
  if (!Ctx.AST.getLangOpts().CPlusPlus)
    return;
  for (const Decl *Member : RD->decls()) {
    if (const auto *Nested = dyn_cast<RecordDecl>(Member)) {
      visitRecord(Nested, Depth + 1);
      continue;
    }
    if (isa<FieldDecl>(Member) || isa<VarDecl>(Member) ||
        isa<TypedefNameDecl>(Member))
      noteVariantSpelling(Member, spelledType(*Member));
  }
}

void OversizedUnionCheck::judgeUnion(const RecordDecl *RD) {
  ASTContext &AST = Ctx.AST;
  SourceLocation UnionLoc =
      RD->getIdentifier() ? RD->getLocation() : RD->getBeginLoc();
  if (!wants(UnionLoc) || packedLayout(RD))
    return;

  std::vector<Member> Members;
  for (const FieldDecl *F : RD->fields()) {
    QualType T = F->getType();
    if (F->isInvalidDecl() || T.isNull() || T->isDependentType() ||
        T->isIncompleteType())
      return; // flexible arrays, incomplete types: the size is not known
    if (variableLength(AST, T))
      return;
    uint64_t Size;
    if (F->isBitField())
      Size = (F->getBitWidthValue(AST) + 7) / 8;
    else
      Size = AST.getTypeSizeInChars(T).getQuantity();
    Members.push_back(Member{memberName(F), Size, F->getLocation()});
  }
  if (Members.size() < 2)
    return;
  uint64_t UnionSize =
      AST.getTypeSizeInChars(AST.getRecordType(RD)).getQuantity();
  // An overlay for type punning: the whole union is also seen as bytes.
  for (const FieldDecl *F : RD->fields())
    if (isByteArray(AST, F->getType()) &&
        uint64_t(AST.getTypeSizeInChars(F->getType()).getQuantity()) ==
            UnionSize)
      return;

  uint64_t MinBytes = option(MR_OPTION_OVERSIZED_UNION_MIN_BYTES, UnionLoc);
  uint64_t Ratio = option(MR_OPTION_OVERSIZED_UNION_RATIO, UnionLoc);
  if (!oversized(Members, MinBytes, Ratio) ||
      Members[0].Size <= uint64_t(AST.getTypeSizeInChars(AST.VoidPtrTy).getQuantity()))
    return; // boxing a member no larger than a pointer saves nothing

  // An annotate attribute on the union or on a record around it (the
  // tagged-union struct of an anonymous union) suppresses the finding.
  for (const DeclContext *DC = RD->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *Outer = dyn_cast<RecordDecl>(DC))
      if (annotationSuppresses(Outer, Rule))
        return;

  const Member &Largest = Members[0], &Next = Members[1];
  std::string Name = recordName(RD);
  bool Quoted = !Largest.Name.empty() && Largest.Name[0] == '\'';
  std::string Message =
      Name + " is " + sizeText(UnionSize) + " because of " +
      (Quoted ? "member " : "") + Largest.Name + " (" + sizeText(Largest.Size) +
      "); the next largest member is " + Next.Name + " (" +
      sizeText(Next.Size) + "): every value pays for the largest, so store " +
      (Quoted ? Largest.Name : std::string("it")) + " behind a pointer";
  Finding F = finding(Largest.Loc, Message);
  F.Owner = RD;
  F.Notes.push_back(Note{UnionLoc, Name + " is declared here"});
  Ctx.Report.report(F);
}

void OversizedUnionCheck::noteVariantSpelling(const Decl *D, QualType Written) {
  if (!SeenDecls.insert(D).second || D->isInvalidDecl() || D->isImplicit())
    return;
  const TemplateSpecializationType *TST = writtenVariant(Written);
  if (!TST || inTemplate(D->getDeclContext()))
    return;
  QualType Canonical = QualType(TST, 0).getCanonicalType();
  if (Canonical->isDependentType())
    return;
  const auto *Variant = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Canonical->getAsCXXRecordDecl());
  if (!Variant)
    return;
  SourceManager &SM = Ctx.AST.getSourceManager();
  auto It = Variants.find(Variant);
  if (It == Variants.end()) {
    Variants[Variant] = VariantUse{D, TST};
    VariantOrder.push_back(Variant);
  } else if (SM.isBeforeInTranslationUnit(D->getLocation(),
                                          It->second.D->getLocation())) {
    It->second = VariantUse{D, TST};
  }
}

// Check::onEndOfTranslationUnit overrides MatchCallback's, so both the
// MatchFinder and the consumer call it: judge each variant once.
void OversizedUnionCheck::onRecordDefinition(const RecordDecl &Record) {
  if (Record.isUnion())
    DefinedUnions.push_back(&Record);
}

void OversizedUnionCheck::onEndOfTranslationUnit() {
  for (const RecordDecl *Union : DefinedUnions)
    visitRecord(Union);
  DefinedUnions.clear();
  std::vector<const ClassTemplateSpecializationDecl *> Order;
  Order.swap(VariantOrder);
  for (const ClassTemplateSpecializationDecl *V : Order)
    judgeVariant(V, Variants[V]);
}

void OversizedUnionCheck::judgeVariant(const ClassTemplateSpecializationDecl *Variant,
                                       const VariantUse &Use) {
  ASTContext &AST = Ctx.AST;
  SourceLocation Loc = Use.D->getLocation();
  if (!wants(Loc))
    return;
  const ClassTemplateSpecializationDecl *Def =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(Variant->getDefinition());
  if (!Def || Def->isInvalidDecl())
    return; // never instantiated here (only named behind & or *)
  const TemplateArgumentList &Args = Def->getTemplateArgs();
  if (Args.size() != 1 || Args[0].getKind() != TemplateArgument::Pack)
    return;

  PrintingPolicy Policy = AST.getPrintingPolicy();
  Policy.SuppressTagKeyword = true;
  // Names as written where the spelling lists every alternative.
  ArrayRef<TemplateArgument> WrittenArgs = Use.Written->template_arguments();
  ArrayRef<TemplateArgument> Alternatives = Args[0].pack_elements();
  bool UseWritten = WrittenArgs.size() == Alternatives.size();
  for (const TemplateArgument &A : WrittenArgs)
    UseWritten &= A.getKind() == TemplateArgument::Type;

  std::vector<Member> Members;
  std::string Name = "std::variant<";
  for (unsigned I = 0; I < Alternatives.size(); ++I) {
    const TemplateArgument &A = Alternatives[I];
    if (A.getKind() != TemplateArgument::Type)
      return;
    QualType T = A.getAsType();
    if (T.isNull() || T->isDependentType() || T->isIncompleteType() ||
        T->isReferenceType() || T->isFunctionType() || T->isVoidType())
      return;
    QualType Shown = UseWritten ? WrittenArgs[I].getAsType() : T;
    std::string Text = Shown.getAsString(Policy);
    Name += (I ? ", " : "") + Text;
    Members.push_back(Member{"'" + Text + "'",
                             uint64_t(AST.getTypeSizeInChars(T).getQuantity()),
                             Loc});
  }
  uint64_t MinBytes = option(MR_OPTION_OVERSIZED_UNION_MIN_BYTES, Loc);
  uint64_t Ratio = option(MR_OPTION_OVERSIZED_UNION_RATIO, Loc);
  if (!oversized(Members, MinBytes, Ratio) ||
      Members[0].Size <= uint64_t(AST.getTypeSizeInChars(AST.VoidPtrTy).getQuantity()))
    return; // boxing an alternative no larger than a pointer saves nothing

  // The function holding a local or parameter, the class holding a field,
  // else the declaration itself: an annotate attribute there suppresses.
  const Decl *Owner = Use.D;
  const DeclContext *DC = Use.D->getDeclContext();
  if (isa<FunctionDecl>(DC) || isa<RecordDecl>(DC))
    Owner = cast<Decl>(DC);
  if (Owner != Use.D && annotationSuppresses(Use.D, Rule))
    return;

  uint64_t Size = AST.getTypeSizeInChars(AST.getTypeDeclType(Def)).getQuantity();
  Name += ">";
  const Member &Largest = Members[0], &Next = Members[1];
  Finding F = finding(
      Loc, "'" + Name + "' is " + sizeText(Size) + " because of alternative " +
               Largest.Name + " (" + sizeText(Largest.Size) +
               "); the next largest alternative is " + Next.Name + " (" +
               sizeText(Next.Size) +
               "): every value pays for the largest, so store " +
               Largest.Name + " behind a pointer");
  F.Owner = Owner;
  Ctx.Report.report(F);
}

} // namespace memrules
