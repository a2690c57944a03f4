// struct-padding (RULES.md): reports a record whose fields, ordered by
// decreasing alignment, would make it smaller by at least `min-bytes`, or by
// at least `min-bytes-in-arrays` when the TU puts it in arrays or allocates
// it in bulk.
//
// How the saving is computed: the record's fields are laid out again by a
// small model of the Itanium (SysV) record layout, first in declaration
// order. Only when the model reproduces every field offset and the size that
// Clang computed is the record analysed further; the same model then lays out
// the suggested order, so the sizes in the message are what the compiler
// would produce. A maximal run of consecutive bit-fields is one unit that
// moves as a whole and keeps its order; its alignment is that of its largest
// declared type.
#include "StructPadding.h"

#include "../plugin/Compat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecordLayout.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <string>

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

// One field as the layout model sees it; sizes and alignments in bits.
struct FieldInfo {
  const FieldDecl *FD;
  uint64_t Size;
  uint64_t Align;
  uint64_t Width; // bit-fields only
  bool BitField;
};

// What moves when the fields are reordered: one field, or a run of
// consecutive bit-fields.
struct Unit {
  unsigned First, Last; // indexes into the fields, inclusive
  uint64_t Align;       // bits
  uint64_t Bytes;       // bytes it occupies in the current layout
  bool KeepLast;        // a flexible (or 0/1-element trailing) array
};

// Lays out Order the way the Itanium C++ ABI (and SysV C) does for a record
// that is neither packed nor under #pragma pack. Offsets and Size in bits.
void simulate(const std::vector<const FieldInfo *> &Order, uint64_t RecordAlign,
              std::vector<uint64_t> &Offsets, uint64_t &Size) {
  uint64_t Offset = 0;
  Offsets.clear();
  for (const FieldInfo *F : Order) {
    if (F->BitField) {
      // A bit-field that would straddle a boundary of its type's alignment
      // starts at the next such boundary.
      if ((Offset & (F->Align - 1)) + F->Width > F->Size)
        Offset = llvm::alignTo(Offset, F->Align);
      Offsets.push_back(Offset);
      Offset += F->Width;
    } else {
      Offset = llvm::alignTo(Offset, std::max<uint64_t>(F->Align, 8));
      Offsets.push_back(Offset);
      Offset += F->Size;
    }
  }
  Size = llvm::alignTo(llvm::alignTo(Offset, 8), RecordAlign);
}

std::string fieldName(const FieldDecl *F) {
  if (F->getIdentifier())
    return F->getName().str();
  if (F->isAnonymousStructOrUnion()) {
    if (const RecordDecl *R = F->getType()->getAsRecordDecl())
      return std::string("(anonymous ") + R->getKindName().str() + ")";
  }
  return "(unnamed bit-field)";
}

// "struct 'conn'", "class 'ns::cache'", "struct 'point_t'" (typedef of an
// anonymous struct), "anonymous struct".
std::string recordName(const RecordDecl *RD) {
  std::string Kind = RD->getKindName().str();
  if (RD->getIdentifier())
    return Kind + " '" + RD->getQualifiedNameAsString() + "'";
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return Kind + " '" + TD->getName().str() + "'";
  return "anonymous " + Kind;
}

// Records whose layout depends on template arguments, or that belong to an
// instantiation (reported, if at all, on the pattern's own terms: never).
bool inTemplateOrLambda(const RecordDecl *RD) {
  if (RD->isDependentContext())
    return true;
  for (const DeclContext *DC = RD; DC; DC = DC->getParent()) {
    if (const auto *C = dyn_cast<CXXRecordDecl>(DC)) {
      if (C->isLambda())
        return true;
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

bool isBlank(StringRef S) {
  return S.find_first_not_of(" \t\r\n\f\v") == StringRef::npos;
}

// Has the text a comment or a preprocessor line? Moving fields would then
// move (or lose) what the comment or directive says about them.
bool hasCommentOrDirective(StringRef S) {
  if (S.contains("//") || S.contains("/*"))
    return true;
  while (!S.empty()) {
    auto [Line, Rest] = S.split('\n');
    if (startsWith(Line.ltrim(), "#"))
      return true;
    S = Rest;
  }
  return false;
}

// The fix-it that rewrites the field declarations in the new order, or none
// when the rewrite would not be safe or faithful.
bool buildFixIt(const RecordDecl *RD, const std::vector<FieldInfo> &Fields,
                const std::vector<const FieldInfo *> &NewOrder,
                const SourceManager &SM, const LangOptions &LO,
                FixItHint &Fix) {
  if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD)) {
    // Constructors' member initializers and default member initializers
    // run in declaration order: reordering changes what they do.
    if (CXX->hasUserDeclaredConstructor())
      return false;
  }
  std::vector<SourceLocation> Begins, Ends; // Ends: just past the ';'
  FileID File;
  for (const FieldInfo &F : Fields) {
    const FieldDecl *D = F.FD;
    if (D->isAnonymousStructOrUnion() || D->hasInClassInitializer())
      return false;
    SourceLocation B = D->getBeginLoc(), E = D->getEndLoc();
    if (B.isInvalid() || E.isInvalid() || B.isMacroID() || E.isMacroID())
      return false;
    // `int a, b;`: the fields share one declaration.
    if (!Begins.empty() && B == Begins.back())
      return false;
    SourceLocation AfterSemi =
        Lexer::findLocationAfterToken(E, tok::semi, SM, LO, false);
    if (AfterSemi.isInvalid() || AfterSemi.isMacroID())
      return false;
    if (Begins.empty())
      File = SM.getFileID(B);
    if (SM.getFileID(B) != File || SM.getFileID(AfterSemi) != File)
      return false;
    if (!Ends.empty()) {
      // Nothing but blanks between one field's ';' and the next field.
      if (!SM.isBeforeInTranslationUnit(Ends.back(), B) && Ends.back() != B)
        return false;
      bool Invalid = false;
      StringRef Between = Lexer::getSourceText(
          CharSourceRange::getCharRange(Ends.back(), B), SM, LO, &Invalid);
      if (Invalid || !isBlank(Between))
        return false;
    }
    Begins.push_back(B);
    Ends.push_back(AfterSemi);
  }

  bool Invalid = false;
  StringRef All = Lexer::getSourceText(
      CharSourceRange::getCharRange(Begins.front(), Ends.back()), SM, LO,
      &Invalid);
  if (Invalid || hasCommentOrDirective(All))
    return false;

  // Fields on lines of their own are written one per line with the first
  // field's indentation; fields sharing a line stay on one line.
  std::string Separator = " ";
  {
    std::pair<FileID, unsigned> Pos = SM.getDecomposedLoc(Begins.front());
    StringRef Buffer = SM.getBufferData(Pos.first, &Invalid);
    if (Invalid)
      return false;
    StringRef Before = Buffer.substr(0, Pos.second);
    size_t LineStart = Before.rfind('\n');
    StringRef Indent =
        Before.substr(LineStart == StringRef::npos ? 0 : LineStart + 1);
    if (isBlank(Indent))
      Separator = "\n" + Indent.str();
  }

  std::string Text;
  for (const FieldInfo *F : NewOrder) {
    size_t I = F - Fields.data();
    StringRef Decl = Lexer::getSourceText(
        CharSourceRange::getCharRange(Begins[I], Ends[I]), SM, LO, &Invalid);
    if (Invalid)
      return false;
    if (!Text.empty())
      Text += Separator;
    Text += Decl.str();
  }
  Fix = FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(Begins.front(), Ends.back()), Text);
  return true;
}

// The record whose size `sizeof` measures, if it measures one.
const RecordDecl *sizeofRecord(const Expr *E) {
  const auto *S = dyn_cast<UnaryExprOrTypeTraitExpr>(E->IgnoreParenImpCasts());
  if (!S || S->getKind() != UETT_SizeOf)
    return nullptr;
  QualType T = S->getTypeOfArgument();
  if (T.isNull())
    return nullptr;
  const RecordDecl *RD = T->getAsRecordDecl();
  return RD ? RD->getDefinition() : nullptr;
}

} // namespace

void StructPaddingCheck::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(recordDecl(isDefinition(), unless(isUnion()),
                               unless(isExpansionInSystemHeader()))
                        .bind("record"),
                    this);
  // Arrays of records: variables and fields of constant array type.
  auto IsArray = hasType(hasCanonicalType(constantArrayType()));
  Finder.addMatcher(varDecl(IsArray).bind("array"), this);
  Finder.addMatcher(fieldDecl(IsArray).bind("array"), this);
  // Bulk allocations: n * sizeof(struct x) given to an allocator,
  // calloc(n, sizeof(struct x)), new T[n].
  std::vector<std::string> Allocators = Ctx.Allocators.allocatorNames();
  std::vector<StringRef> Names(Allocators.begin(), Allocators.end());
  for (const char *Libc : {"malloc", "calloc", "realloc", "reallocarray"})
    Names.push_back(Libc);
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName(Names)))).bind("alloc"), this);
  if (Ctx.AST.getLangOpts().CPlusPlus)
    Finder.addMatcher(cxxNewExpr(isArray()).bind("new"), this);
  // Positional brace initializers of records: no fix-it for those records.
  Finder.addMatcher(
      initListExpr(hasType(hasCanonicalType(recordType()))).bind("init"),
      this);
}

void StructPaddingCheck::run(const MatchFinder::MatchResult &Result) {
  const auto &Nodes = Result.Nodes;
  if (const auto *RD = Nodes.getNodeAs<RecordDecl>("record")) {
    if (RD->isImplicit() || RD->isInvalidDecl() || inTemplateOrLambda(RD))
      return;
    if (!Seen.insert(RD).second)
      return;
    Candidates.push_back(RD);
    return;
  }
  if (const auto *D = Nodes.getNodeAs<DeclaratorDecl>("array")) {
    if (SeenUses.insert(D).second)
      noteArray(D->getType(), D->getLocation());
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("alloc")) {
    if (SeenUses.insert(Call).second)
      noteAllocation(*Call);
    return;
  }
  if (const auto *New = Nodes.getNodeAs<CXXNewExpr>("new")) {
    if (!SeenUses.insert(New).second)
      return;
    const RecordDecl *RD = New->getAllocatedType()->getAsRecordDecl();
    if (!RD || !(RD = RD->getDefinition()))
      return;
    uint64_t Count = 0;
    if (auto Size = New->getArraySize())
      if (*Size)
        if (auto Value = (*Size)->getIntegerConstantExpr(Ctx.AST))
          Count = Value->getLimitedValue();
    addUse(RD, New->getBeginLoc(), Count, true);
    return;
  }
  if (const auto *Init = Nodes.getNodeAs<InitListExpr>("init"))
    noteInitList(*Init);
}

void StructPaddingCheck::addUse(const RecordDecl *RD, SourceLocation Loc,
                                uint64_t Count, bool Bulk) {
  // One element is no array; a constant count of 0 or 1 is no bulk either.
  if (Count == 1 || (!Bulk && Count == 0))
    return;
  Uses[RD].push_back(Use{Loc, Count, Bulk});
}

void StructPaddingCheck::noteArray(QualType Type, SourceLocation Loc) {
  ASTContext &AST = Ctx.AST;
  const auto *Array = AST.getAsConstantArrayType(Type);
  if (!Array)
    return;
  QualType Element = AST.getBaseElementType(Type);
  const RecordDecl *RD = Element->getAsRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return;
  addUse(RD, Loc, AST.getConstantArrayElementCount(Array), false);
}

void StructPaddingCheck::findProducts(const Expr *E, SourceLocation Loc) {
  const auto *BO = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  if (!BO)
    return;
  if (BO->getOpcode() == BO_Add) {
    findProducts(BO->getLHS(), Loc);
    findProducts(BO->getRHS(), Loc);
    return;
  }
  if (BO->getOpcode() != BO_Mul)
    return;
  const Expr *Other = nullptr;
  const RecordDecl *RD = sizeofRecord(BO->getRHS());
  if (RD) {
    Other = BO->getLHS();
  } else if ((RD = sizeofRecord(BO->getLHS()))) {
    Other = BO->getRHS();
  } else {
    findProducts(BO->getLHS(), Loc);
    return;
  }
  uint64_t Count = 0;
  if (auto Value = Other->getIntegerConstantExpr(Ctx.AST))
    Count = Value->getLimitedValue();
  addUse(RD, Loc, Count, true);
}

void StructPaddingCheck::noteAllocation(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return;
  SourceLocation Loc = Call.getBeginLoc();
  StringRef Name = Callee->getName();
  // calloc(n, sizeof(struct x)), reallocarray(p, n, sizeof(struct x)).
  unsigned First = Name == "calloc" ? 0 : Name == "reallocarray" ? 1 : ~0u;
  if (First != ~0u && Call.getNumArgs() == First + 2) {
    for (unsigned I = First; I < First + 2; ++I) {
      const RecordDecl *RD = sizeofRecord(Call.getArg(I));
      if (!RD)
        continue;
      const Expr *Other = Call.getArg(I == First ? First + 1 : First);
      uint64_t Count = 0;
      if (auto Value = Other->getIntegerConstantExpr(Ctx.AST))
        Count = Value->getLimitedValue();
      addUse(RD, Loc, Count, true);
      return;
    }
    return;
  }
  for (const Expr *Arg : Call.arguments())
    findProducts(Arg, Loc);
}

void StructPaddingCheck::noteInitList(const InitListExpr &Init) {
  const RecordDecl *RD = Init.getType()->getAsRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return;
  const InitListExpr *Syntactic =
      Init.getSyntacticForm() ? Init.getSyntacticForm() : &Init;
  unsigned N = Syntactic->getNumInits();
  if (N == 0)
    return;
  // `{0}` zeroes the whole record whatever the order.
  if (N == 1) {
    const auto *Lit =
        dyn_cast<IntegerLiteral>(Syntactic->getInit(0)->IgnoreParenImpCasts());
    if (Lit && Lit->getValue() == 0)
      return;
  }
  for (unsigned I = 0; I < N; ++I)
    if (!isa<DesignatedInitExpr>(Syntactic->getInit(I))) {
      PositionalInit.insert(RD);
      return;
    }
}

// Check::onEndOfTranslationUnit overrides MatchCallback's, so both the
// MatchFinder and the consumer call it: judge each candidate once.
void StructPaddingCheck::onEndOfTranslationUnit() {
  std::vector<const RecordDecl *> Pending;
  Pending.swap(Candidates);
  for (const RecordDecl *RD : Pending)
    judge(RD);
}

void StructPaddingCheck::judge(const RecordDecl *RD) {
  ASTContext &AST = Ctx.AST;
  SourceLocation Loc = RD->getIdentifier() ? RD->getLocation() : RD->getBeginLoc();
  if (!wants(Loc))
    return;
  // Packed records and #pragma pack: their layout is chosen, not accidental.
  if (RD->hasAttr<PackedAttr>() || RD->hasAttr<MaxFieldAlignmentAttr>() ||
      AST.getLangOpts().PackStruct)
    return;
  if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD)) {
    // Bases and vtable pointers: not handled yet.
    if (CXX->getNumBases() || CXX->getNumVBases() || CXX->isDynamicClass())
      return;
  }

  std::vector<FieldInfo> Fields;
  bool HasBitFields = false;
  for (const FieldDecl *F : RD->fields()) {
    QualType T = F->getType();
    if (F->isInvalidDecl() || T.isNull() || T->isDependentType())
      return;
    if (T->isIncompleteType() && !T->isIncompleteArrayType())
      return;
    // alignas/aligned/packed on a field, [[no_unique_address]]: the layout
    // is deliberate or not the plain sequential one.
    if (F->hasAttr<AlignedAttr>() || F->hasAttr<PackedAttr>() ||
        F->hasAttr<NoUniqueAddressAttr>())
      return;
    TypeInfo TI = AST.getTypeInfo(T);
    FieldInfo Info{F, TI.Width, TI.Align, 0, F->isBitField()};
    if (Info.Align == 0 || !llvm::isPowerOf2_64(Info.Align))
      return;
    if (Info.BitField) {
      HasBitFields = true;
      Info.Width = F->getBitWidthValue(AST);
      // Zero-width and oversized bit-fields have layout rules of their own.
      if (Info.Width == 0 || Info.Width > Info.Size)
        return;
    }
    Fields.push_back(Info);
  }
  if (Fields.size() < 2)
    return;
  if (HasBitFields && (RD->isMsStruct(AST) ||
                       !AST.getTargetInfo().useBitFieldTypeAlignment()))
    return;

  // The model must reproduce the compiler's layout of the declared order.
  const ASTRecordLayout &Layout = AST.getASTRecordLayout(RD);
  uint64_t RecordAlign = AST.toBits(Layout.getAlignment());
  uint64_t CurrentSize = AST.toBits(Layout.getSize());
  std::vector<const FieldInfo *> Order;
  for (const FieldInfo &F : Fields)
    Order.push_back(&F);
  std::vector<uint64_t> Offsets;
  uint64_t Size = 0;
  simulate(Order, RecordAlign, Offsets, Size);
  if (Size != CurrentSize)
    return;
  for (unsigned I = 0; I < Fields.size(); ++I)
    if (Offsets[I] != Layout.getFieldOffset(I))
      return;

  // Units: single fields and runs of consecutive bit-fields.
  std::vector<Unit> Units;
  for (unsigned I = 0; I < Fields.size();) {
    Unit U{I, I, Fields[I].Align, Fields[I].Size / 8, false};
    if (Fields[I].BitField) {
      while (U.Last + 1 < Fields.size() && Fields[U.Last + 1].BitField) {
        ++U.Last;
        U.Align = std::max(U.Align, Fields[U.Last].Align);
      }
      uint64_t Start = Offsets[U.First] / 8;
      uint64_t End = (Offsets[U.Last] + Fields[U.Last].Width + 7) / 8;
      U.Bytes = End - Start;
    }
    I = U.Last + 1;
    Units.push_back(U);
  }
  // A trailing flexible array (or the old `[0]`/`[1]` idiom for one) must
  // stay last.
  {
    const FieldInfo &Last = Fields.back();
    QualType T = Last.FD->getType();
    if (T->isIncompleteArrayType()) {
      Units.back().KeepLast = true;
    } else if (const auto *CA = AST.getAsConstantArrayType(T)) {
      if (CA->getSize().getLimitedValue() <= 1)
        Units.back().KeepLast = true;
    }
  }
  std::vector<Unit> Sorted = Units;
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [](const Unit &A, const Unit &B) {
                     if (A.KeepLast != B.KeepLast)
                       return B.KeepLast;
                     return A.Align > B.Align;
                   });
  bool Changed = false;
  for (unsigned I = 0; I < Units.size(); ++I)
    Changed |= Units[I].First != Sorted[I].First;
  if (!Changed)
    return;

  std::vector<const FieldInfo *> NewOrder;
  uint64_t UnitBytes = 0;
  for (const Unit &U : Sorted) {
    for (unsigned I = U.First; I <= U.Last; ++I)
      NewOrder.push_back(&Fields[I]);
    UnitBytes += U.Bytes;
  }
  uint64_t OptimalSize = 0;
  simulate(NewOrder, RecordAlign, Offsets, OptimalSize);
  if (OptimalSize >= CurrentSize)
    return;
  uint64_t Current = CurrentSize / 8, Optimal = OptimalSize / 8;
  uint64_t Saving = Current - Optimal;
  uint64_t Padding = Current > UnitBytes ? Current - UnitBytes : 0;

  uint64_t MinBytes = option(MR_OPTION_STRUCT_PADDING_MIN_BYTES, Loc);
  uint64_t MinInArrays =
      option(MR_OPTION_STRUCT_PADDING_MIN_BYTES_IN_ARRAYS, Loc);
  // An array counts when what the reorder saves over the whole array
  // reaches min-bytes (a table of two is no reason); a bulk allocation of
  // unknown count always counts.
  std::vector<Use> All;
  auto UsesIt = Uses.find(RD);
  if (UsesIt != Uses.end())
    for (const Use &U : UsesIt->second)
      if (U.Count == 0 || U.Count * Saving >= MinBytes)
        All.push_back(U);
  bool InArrays = !All.empty();
  if (Saving < MinBytes && !(InArrays && Saving >= MinInArrays))
    return;

  std::string Name = recordName(RD);
  std::string List;
  for (const FieldInfo *F : NewOrder) {
    if (!List.empty())
      List += ", ";
    List += fieldName(F->FD);
  }
  Finding F = finding(
      Loc, Name + " is " + std::to_string(Current) + " bytes with " +
               std::to_string(Padding) + " bytes of padding; ordering its "
               "fields by decreasing alignment (" + List + ") makes it " +
               std::to_string(Optimal) + " bytes");
  F.Owner = RD;
  if (InArrays) {
    const unsigned MaxNotes = 3;
    for (unsigned I = 0; I < All.size() && I < MaxNotes; ++I) {
      const Use &U = All[I];
      std::string Text = Name;
      if (U.Count)
        Text += std::string(U.Bulk ? " is allocated as" : " is used in") +
                " an array of " + std::to_string(U.Count) +
                " elements here; the suggested order saves " +
                std::to_string(U.Count * Saving) + " bytes there";
      else
        Text += " is allocated in bulk here; the suggested order saves " +
                std::to_string(Saving) + " bytes per element there";
      F.Notes.push_back(Note{U.Loc, Text});
    }
    if (All.size() > MaxNotes)
      F.Notes.push_back(Note{All[MaxNotes].Loc,
                             Name + " is used in " +
                                 std::to_string(All.size() - MaxNotes) +
                                 " more arrays or bulk allocations"});
  }
  FixItHint Fix;
  if (!PositionalInit.count(RD) &&
      buildFixIt(RD, Fields, NewOrder, AST.getSourceManager(),
                 AST.getLangOpts(), Fix))
    F.FixIts.push_back(Fix);
  Ctx.Report.report(F);
}

} // namespace memrules
