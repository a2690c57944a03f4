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
//
// C++ classes with bases or virtual functions: the vtable pointer and the
// non-virtual bases come first and the virtual bases last (Itanium ABI);
// only the class's own fields move. Where the bases leave off (the data size,
// which lies inside a non-POD base's tail padding) and where they lie are
// read from Clang's layouts of the class and of its bases; the model starts
// the own fields there, places the virtual bases after them, and must again
// reproduce every field offset, every virtual base offset and the size.
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

// A virtual base the class places after its own fields (sizes in bits).
struct VirtualBase {
  uint64_t Offset; // where Clang placed it for the declared order
  uint64_t Size;   // its non-virtual size
  uint64_t Align;  // its non-virtual alignment
};

// What a C++ class lays out around its own fields, which a reorder of those
// fields cannot move: the vtable pointer and the non-virtual bases before
// them, the virtual bases after them. All zero/empty for a C struct and a
// C++ class without bases or virtual functions. Sizes in bits.
struct Frame {
  uint64_t Start = 0;     // the data size the bases leave: the own fields
                          // start here (Itanium: in a non-POD base's tail
                          // padding)
  uint64_t SizeFloor = 0; // the size the bases reach (empty bases count)
  uint64_t Fixed = 0;     // bits the bases and the vtable pointer occupy
  std::vector<VirtualBase> VBases; // in placement order
  std::string Placement;  // " after its base 'B'" for the message
};

// Lays out Order the way the Itanium C++ ABI (and SysV C) does for a record
// that is neither packed nor under #pragma pack, after and before what Fr
// holds. Offsets, VOffsets (virtual bases) and Size in bits.
void simulate(const std::vector<const FieldInfo *> &Order, const Frame &Fr,
              uint64_t RecordAlign, std::vector<uint64_t> &Offsets,
              std::vector<uint64_t> &VOffsets, uint64_t &Size) {
  uint64_t Offset = Fr.Start;
  Offsets.clear();
  VOffsets.clear();
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
  // Virtual bases go at the data size, each at its non-virtual alignment.
  uint64_t Data = llvm::alignTo(Offset, 8);
  uint64_t End = std::max(Data, Fr.SizeFloor);
  for (const VirtualBase &V : Fr.VBases) {
    Data = llvm::alignTo(Data, V.Align);
    VOffsets.push_back(Data);
    Data += V.Size;
    End = std::max(End, Data);
  }
  Size = llvm::alignTo(End, RecordAlign);
}

// "a", "a and b", "a, b and c".
std::string joinList(const std::vector<std::string> &Items) {
  std::string Out;
  for (size_t I = 0; I < Items.size(); ++I) {
    if (I)
      Out += I + 1 == Items.size() ? " and " : ", ";
    Out += Items[I];
  }
  return Out;
}

// The frame of a C++ class with bases or a vtable pointer, read from Clang's
// layout of the class and of its bases. False when the class has a layout
// the model does not reproduce (Microsoft ABI, a base not where the plain
// Itanium rule puts it).
bool classFrame(const CXXRecordDecl *CXX, const ASTRecordLayout &Layout,
                ASTContext &AST, Frame &Fr) {
  if (!AST.getTargetInfo().getCXXABI().isItaniumFamily() ||
      CXX->isMsStruct(AST))
    return false;
  uint64_t Data = 0, Size = 0, Fixed = 0;
  if (Layout.hasOwnVFPtr()) {
    Data = Size = Fixed = AST.getTypeSize(AST.VoidPtrTy);
  }
  const CXXRecordDecl *Primary = Layout.getPrimaryBase();
  bool PrimaryVirtual = Layout.isPrimaryBaseVirtual();
  // Itanium LayoutBase: an empty base only raises the size; any other one
  // goes at the data size rounded up to its non-virtual alignment and ends
  // the data at its non-virtual size (its dsize when it is not POD for
  // layout: the derived fields then reuse its tail padding).
  auto Place = [&](const CXXRecordDecl *B, uint64_t Offset) {
    if (!B || !(B = B->getDefinition()) || B->isInvalidDecl())
      return false;
    const ASTRecordLayout &BL = AST.getASTRecordLayout(B);
    if (B->isEmpty()) {
      Size = std::max(Size, Offset + AST.toBits(BL.getSize()));
      return true;
    }
    if (Offset != llvm::alignTo(Data, AST.toBits(BL.getNonVirtualAlignment())))
      return false;
    uint64_t NV = AST.toBits(BL.getNonVirtualSize());
    Data = Offset + NV;
    Size = std::max(Size, Data);
    Fixed += NV;
    return true;
  };
  if (Primary && !Place(Primary, 0))
    return false;
  std::vector<std::string> Before, After;
  PrintingPolicy Policy = AST.getPrintingPolicy();
  for (const CXXBaseSpecifier &B : CXX->bases()) {
    if (B.isVirtual())
      continue;
    QualType T = B.getType();
    const CXXRecordDecl *BD = T->getAsCXXRecordDecl();
    Before.push_back(T.getCanonicalType().getUnqualifiedType().getAsString(Policy));
    if (BD == Primary && !PrimaryVirtual)
      continue;
    if (!BD || !Place(BD, AST.toBits(Layout.getBaseClassOffset(BD))))
      return false;
  }
  Fr.Start = Data;
  Fr.SizeFloor = Size;

  // Virtual bases laid out after the fields; an indirect primary base lies
  // inside the non-virtual part or at the offset of the base it is primary
  // of (the two move as one).
  uint64_t NVSize = AST.toBits(Layout.getNonVirtualSize());
  for (const CXXBaseSpecifier &B : CXX->vbases()) {
    QualType T = B.getType();
    const CXXRecordDecl *BD = T->getAsCXXRecordDecl();
    if (!BD || !(BD = BD->getDefinition()) || BD->isInvalidDecl())
      return false;
    if (BD == Primary && PrimaryVirtual)
      continue;
    if (BD->isEmpty())
      return false;
    uint64_t Offset = AST.toBits(Layout.getVBaseClassOffset(BD));
    if (Offset < NVSize)
      continue;
    const ASTRecordLayout &BL = AST.getASTRecordLayout(BD);
    VirtualBase V{Offset, uint64_t(AST.toBits(BL.getNonVirtualSize())),
                  uint64_t(AST.toBits(BL.getNonVirtualAlignment()))};
    After.push_back(T.getCanonicalType().getUnqualifiedType().getAsString(Policy));
    auto Same = std::find_if(
        Fr.VBases.begin(), Fr.VBases.end(),
        [&](const VirtualBase &W) { return W.Offset == Offset; });
    if (Same == Fr.VBases.end()) {
      Fr.VBases.push_back(V);
      continue;
    }
    Same->Size = std::max(Same->Size, V.Size);
    Same->Align = std::max(Same->Align, V.Align);
  }
  std::sort(Fr.VBases.begin(), Fr.VBases.end(),
            [](const VirtualBase &A, const VirtualBase &B) {
              return A.Offset < B.Offset;
            });
  for (const VirtualBase &V : Fr.VBases)
    Fixed += V.Size;
  Fr.Fixed = Fixed;

  std::vector<std::string> Lead;
  if (Layout.hasOwnVFPtr())
    Lead.push_back("its vtable pointer");
  const unsigned MaxNames = 3;
  // "its base 'A'", "its bases 'A', 'B' and 2 more".
  auto Describe = [&](const std::vector<std::string> &Names, const char *One,
                      const char *Many) {
    std::vector<std::string> Items;
    for (const std::string &N : Names) {
      if (Names.size() > MaxNames && Items.size() + 1 == MaxNames) {
        Items.push_back(std::to_string(Names.size() - Items.size()) + " more");
        break;
      }
      Items.push_back("'" + N + "'");
    }
    return std::string("its ") + (Names.size() == 1 ? One : Many) + " " +
           joinList(Items);
  };
  if (!Before.empty())
    Lead.push_back(Describe(Before, "base", "bases"));
  if (Primary && PrimaryVirtual)
    Lead.push_back(Describe({AST.getRecordType(Primary).getAsString(Policy)},
                            "virtual base", "virtual bases"));
  if (!Lead.empty())
    Fr.Placement = " after " + Lead.front() +
                   (Lead.size() > 1 ? " and " + Lead.back() : "");
  if (!After.empty())
    Fr.Placement += std::string(Lead.empty() ? "" : " and") + " before " +
                    Describe(After, "virtual base", "virtual bases");
  return true;
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

// Declared as a constant-size array: asked of every field and variable, so
// one type test rather than a chain of generic matchers.
AST_MATCHER(DeclaratorDecl, isConstantArray) {
  return Node.getType()->isConstantArrayType();
}

} // namespace

void StructPaddingCheck::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(recordDecl(isDefinition(), unless(isUnion()),
                               unless(isExpansionInSystemHeader()))
                        .bind("record"),
                    this);
  // Arrays of records: variables and fields of constant array type.
  Finder.addMatcher(varDecl(isConstantArray()).bind("array"), this);
  Finder.addMatcher(fieldDecl(isConstantArray()).bind("array"), this);
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

void StructPaddingCheck::noteRecord(const RecordDecl *RD) {
  if (RD->isImplicit() || RD->isInvalidDecl() || inTemplateOrLambda(RD))
    return;
  if (Seen.insert(RD).second)
    Candidates.push_back(RD);
}

void StructPaddingCheck::noteArrayDecl(const DeclaratorDecl *D) {
  if (SeenUses.insert(D).second)
    noteArray(D->getType(), D->getLocation());
}

void StructPaddingCheck::onRecordDefinition(const RecordDecl &Record) {
  if (!Record.isUnion())
    noteRecord(&Record);
  for (const FieldDecl *Field : Record.fields())
    if (Field->getType()->isConstantArrayType())
      noteArrayDecl(Field);
}

void StructPaddingCheck::run(const MatchFinder::MatchResult &Result) {
  const auto &Nodes = Result.Nodes;
  if (const auto *RD = Nodes.getNodeAs<RecordDecl>("record")) {
    noteRecord(RD);
    return;
  }
  if (const auto *D = Nodes.getNodeAs<DeclaratorDecl>("array")) {
    noteArrayDecl(D);
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

bool StructPaddingCheck::hasEmptySubobject(const CXXRecordDecl *RD,
                                           unsigned Depth) {
  // Unknown or too deep: assume the worst.
  if (!RD || !(RD = RD->getDefinition()) || RD->isInvalidDecl() || Depth > 32)
    return true;
  auto It = EmptyMemo.find(RD);
  if (It != EmptyMemo.end())
    return It->second;
  bool Result = RD->isEmpty();
  for (const CXXBaseSpecifier &B : RD->bases()) {
    if (Result)
      break;
    Result = hasEmptySubobject(B.getType()->getAsCXXRecordDecl(), Depth + 1);
  }
  for (const FieldDecl *F : RD->fields()) {
    if (Result)
      break;
    QualType T = F->getType();
    if (T.isNull() || T->isDependentType())
      Result = true;
    else if (const auto *C =
                 Ctx.AST.getBaseElementType(T)->getAsCXXRecordDecl())
      Result = hasEmptySubobject(C, Depth + 1);
  }
  EmptyMemo[RD] = Result;
  return Result;
}

// What a reorder could save at most, in bytes: the padding of the declared
// order. Known from the fields alone for a record without bit-fields,
// bases, a vtable or attributes, whose alignment is its fields' largest,
// so most records are let go before the compiler lays them out.
static uint64_t paddingBound(const std::vector<FieldInfo> &Fields) {
  uint64_t Align = 8, Used = 0;
  std::vector<const FieldInfo *> Declared;
  for (const FieldInfo &F : Fields) {
    Align = std::max(Align, F.Align);
    Used += F.Size;
    Declared.push_back(&F);
  }
  std::vector<uint64_t> Offsets, VOffsets;
  uint64_t Size = 0;
  simulate(Declared, Frame(), Align, Offsets, VOffsets, Size);
  return (Size - llvm::alignTo(Used, Align)) / 8;
}

static bool hasBasesOrVtable(const RecordDecl *RD) {
  const auto *CXX = dyn_cast<CXXRecordDecl>(RD);
  return CXX && (CXX->getNumBases() || CXX->isDynamicClass());
}

// The smallest saving judge() reports for RD: min-bytes, or for a record
// the TU puts in arrays, the smaller min-bytes-in-arrays.
uint64_t StructPaddingCheck::smallestSavingReported(const RecordDecl *RD,
                                                    SourceLocation Loc) {
  uint64_t MinBytes = option(MR_OPTION_STRUCT_PADDING_MIN_BYTES, Loc);
  if (!Uses.count(RD))
    return MinBytes;
  return std::min<uint64_t>(MinBytes,
                            option(MR_OPTION_STRUCT_PADDING_MIN_BYTES_IN_ARRAYS, Loc));
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

  if (!HasBitFields && !RD->hasAttrs() && !hasBasesOrVtable(RD) &&
      paddingBound(Fields) < smallestSavingReported(RD, Loc))
    return;

  const ASTRecordLayout &Layout = AST.getASTRecordLayout(RD);
  // Bases and the vtable pointer come first, virtual bases last: only the
  // class's own fields move.
  Frame Fr;
  if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD)) {
    if (CXX->getNumBases() || CXX->isDynamicClass()) {
      if (!classFrame(CXX, Layout, AST, Fr))
        return;
      // An empty class may not share an offset with another subobject of
      // its type: with one among the bases, a field that holds one could
      // be moved by that rule in the suggested order, and so could the
      // virtual bases.
      bool BasesHoldEmpty = false;
      for (const CXXBaseSpecifier &B : CXX->bases())
        BasesHoldEmpty |= hasEmptySubobject(B.getType()->getAsCXXRecordDecl());
      if (BasesHoldEmpty) {
        if (!Fr.VBases.empty())
          return;
        for (const FieldInfo &F : Fields)
          if (const auto *C =
                  AST.getBaseElementType(F.FD->getType())->getAsCXXRecordDecl())
            if (hasEmptySubobject(C))
              return;
      }
    }
  }

  // The model must reproduce the compiler's layout of the declared order.
  uint64_t RecordAlign = AST.toBits(Layout.getAlignment());
  uint64_t CurrentSize = AST.toBits(Layout.getSize());
  std::vector<const FieldInfo *> Order;
  for (const FieldInfo &F : Fields)
    Order.push_back(&F);
  std::vector<uint64_t> Offsets, VOffsets;
  uint64_t Size = 0;
  simulate(Order, Fr, RecordAlign, Offsets, VOffsets, Size);
  if (Size != CurrentSize)
    return;
  for (unsigned I = 0; I < Fields.size(); ++I)
    if (Offsets[I] != Layout.getFieldOffset(I))
      return;
  for (unsigned I = 0; I < Fr.VBases.size(); ++I)
    if (VOffsets[I] != Fr.VBases[I].Offset)
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
  simulate(NewOrder, Fr, RecordAlign, Offsets, VOffsets, OptimalSize);
  if (OptimalSize >= CurrentSize)
    return;
  uint64_t Current = CurrentSize / 8, Optimal = OptimalSize / 8;
  uint64_t Saving = Current - Optimal;
  // What neither the own fields nor the bases (and vtable pointer) occupy.
  uint64_t Used = UnitBytes + Fr.Fixed / 8;
  uint64_t Padding = Current > Used ? Current - Used : 0;

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
               std::to_string(Padding) + " bytes of padding; ordering its " +
               (Fr.Placement.empty() ? "" : "own ") +
               "fields by decreasing alignment" + Fr.Placement + " (" + List +
               ") makes it " +
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
