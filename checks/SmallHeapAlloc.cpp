// small-heap-alloc: the source documents' rule 2, "stack before heap".
//
//     struct point *pt = malloc(sizeof *pt);   // 8 bytes, freed below
//     pt->x = x; pt->y = y;
//     draw(pt);                                // borrows it
//     free(pt);
//
// Bottom-up from the allocation: the matchers fire on every family's
// allocators, new-expressions and std::make_unique. Cheap tests come
// first (a constant size no larger than max-bytes, a type that can live on
// the stack); only then is the function's parent map built and every use
// of the variable that holds the block asked about (analysis/Escape.h):
// each must borrow the block, set the variable to NULL, or release the
// block with its own family's deallocator, and one must release it.
//
// Allocations in a loop body are left to alloc-in-loop (which reports the
// call when it is released in the same iteration): one finding per
// problem, and a block allocated per iteration is that rule's advice.
#include "SmallHeapAlloc.h"

#include "analysis/AllocationSites.h"
#include "analysis/AllocationSize.h"
#include "analysis/Escape.h"
#include "analysis/LoopFacts.h"
#include "analysis/StmtWalk.h"
#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

// A local pointer variable the check can follow: not a parameter, static,
// volatile, or a `cleanup` variable.
bool isPlainLocalPointer(const VarDecl &Var) {
  return Var.hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
         Var.getType()->isPointerType() && !Var.getType().isVolatileQualified() &&
         !Var.hasAttr<CleanupAttr>();
}

// Can the pointee be declared as a local? Not an incomplete type (an
// opaque handle) nor a struct with a flexible array member (its size is
// chosen at allocation).
bool declarablePointee(QualType Pointee) {
  if (Pointee->isVoidType())
    return true;
  if (Pointee->isIncompleteType())
    return false;
  if (const auto *Record = Pointee->getAsRecordDecl())
    return !Record->hasFlexibleArrayMember();
  return true;
}

// The variable that receives Site's value: `T *p = Site;` or `p = Site`
// (Assignment gets the assignment). Path runs from the function body down
// to Site (StmtWalk.h's pathTo): no parent map is needed yet.
const VarDecl *holder(llvm::ArrayRef<const Stmt *> Path, const Expr &Site,
                      const Expr *&Assignment) {
  size_t I = Path.size() - 1;
  while (I > 0 && (isa<ParenExpr>(Path[I - 1]) || isa<CastExpr>(Path[I - 1]) ||
                   isa<ExprWithCleanups>(Path[I - 1])))
    --I;
  const Stmt *P = I > 0 ? Path[I - 1] : nullptr;
  if (const auto *Decl = dyn_cast_or_null<DeclStmt>(P)) {
    for (const auto *D : Decl->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getInit() && ignoreCastsAndCleanups(Var->getInit()) == &Site)
          return Var;
    return nullptr;
  }
  const auto *Assign = dyn_cast_or_null<BinaryOperator>(P);
  if (!Assign || Assign->getOpcode() != BO_Assign ||
      ignoreCastsAndCleanups(Assign->getRHS()) != &Site)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParens());
  Assignment = Assign;
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

// Is S inside a lambda or block (which may run any number of times)?
bool inClosure(const Stmt *S, const FunctionBody &Body) {
  for (const Stmt *P = Body.parent(S); P; P = Body.parent(P))
    if (isa<LambdaExpr>(P) || isa<BlockExpr>(P))
      return true;
  return false;
}

// A class whose construction can run no code of the project's: no
// user-declared constructor (aggregates, PODs). Scalars trivially so.
bool constructsSilently(QualType T) {
  const auto *Record = T->getAsCXXRecordDecl();
  return !Record || !Record->hasUserDeclaredConstructor();
}

// Is S the operand of sizeof or alignof (unevaluated)?
bool inSizeof(const Stmt *S, const FunctionBody &Body) {
  for (const Stmt *P = Body.parent(S); P && isa<Expr>(P); P = Body.parent(P))
    if (isa<UnaryExprOrTypeTraitExpr>(P))
      return true;
  return false;
}

const Stmt *parentSkippingParens(const Stmt *S, const FunctionBody &Body) {
  const Stmt *P = Body.parent(S);
  while (P && (isa<ParenExpr>(P) ||
               (isa<ImplicitCastExpr>(P) &&
                cast<ImplicitCastExpr>(P)->getCastKind() == CK_NoOp)))
    P = Body.parent(P);
  return P;
}

// Is the object at Lvalue (`*p` of a unique_ptr) only read, assigned or
// copied: no address of it can stay behind? (Lent to a const reference
// parameter it may be kept, as the escape analysis is asked here.)
bool onlyReadOrWritten(const Expr &Lvalue, const FunctionBody &Body) {
  const Stmt *Use = parentSkippingParens(&Lvalue, Body);
  if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(Use))
    return Cast->getCastKind() == CK_LValueToRValue;
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Use))
    return Assign->isAssignmentOp() && Assign->getLHS()->IgnoreParens() == &Lvalue;
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Use))
    return Construct->getConstructor()->isCopyOrMoveConstructor() &&
           Construct->getConstructor()->isTrivial();
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(Use))
    return !Member->isArrow() && isa<FieldDecl>(Member->getMemberDecl()) &&
           onlyReadOrWritten(*Member, Body);
  return false;
}

std::string typeName(QualType T, const ASTContext &AST) {
  PrintingPolicy Policy(AST.getLangOpts());
  Policy.SuppressTagKeyword = true;
  return T.getUnqualifiedType().getAsString(Policy);
}

} // namespace

bool SmallHeapAllocCheck::isOwnRelease(const Stmt *S, const VarDecl &Var,
                                       const Allocation &A) const {
  if (const auto *Delete = dyn_cast_or_null<CXXDeleteExpr>(S)) {
    const auto *New = dyn_cast<CXXNewExpr>(A.Site);
    return !A.Family && New && New->isArray() == Delete->isArrayForm() &&
           refersTo(Delete->getArgument(), Var);
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !A.Family)
    return false;
  std::vector<const AllocatorFamily *> Families = Ctx.Allocators.releasingFamilies(*Callee);
  return std::find(Families.begin(), Families.end(), A.Family) != Families.end() &&
         refersTo(releasedArgument(*Call, *Callee), Var);
}

bool SmallHeapAllocCheck::releasedIn(const Stmt &Root, const VarDecl &Var,
                                     const Allocation &A) const {
  bool Found = false;
  forEachStmt(&Root, [&](const Stmt *S) { Found = Found || isOwnRelease(S, Var, A); });
  return Found;
}

SmallHeapAllocCheck::SmallHeapAllocCheck(CheckContext &Ctx)
    : Check(MR_RULE_SMALL_HEAP_ALLOC, Ctx) {}

SmallHeapAllocCheck::~SmallHeapAllocCheck() = default;

std::vector<std::string> SmallHeapAllocCheck::triggers() const {
  std::vector<std::string> Names = allocationSiteTriggers(Ctx.Allocators);
  Names.push_back("make_unique");
  return Names;
}

void SmallHeapAllocCheck::registerMatchers(MatchFinder &Finder) {
  bool CPlusPlus = Ctx.AST.getLangOpts().CPlusPlus;
  addAllocationSiteMatchers(Finder, this, Ctx.Allocators, CPlusPlus, "site", "site");
  if (!CPlusPlus)
    return;
  auto Make = callExpr(callee(functionDecl(hasName("::std::make_unique")))).bind("make");
  Finder.addMatcher(
      varDecl(hasLocalStorage(),
              hasInitializer(ignoringImplicit(
                  ignoringElidableConstructorCall(ignoringImplicit(Make)))),
              unless(isExpansionInSystemHeader()))
          .bind("owner"),
      this);
}

void SmallHeapAllocCheck::run(const MatchFinder::MatchResult &Result) {
  if (const auto *Site = Result.Nodes.getNodeAs<Expr>("site"))
    judgeBlock(*Site);
  const auto *Owner = Result.Nodes.getNodeAs<VarDecl>("owner");
  const auto *Make = Result.Nodes.getNodeAs<CallExpr>("make");
  if (Owner && Make)
    judgeUniquePtr(*Owner, *Make);
}

bool SmallHeapAllocCheck::fitsStack(QualType T, SourceLocation Loc, uint64_t &Bytes) {
  if (T->isDependentType() || T->isIncompleteType() || T->isArrayType() ||
      !T.isTriviallyCopyableType(Ctx.AST) || !constructsSilently(T))
    return false;
  Bytes = Ctx.AST.getTypeSizeInChars(T).getQuantity();
  return Bytes > 0 &&
         Bytes <= uint64_t(option(MR_OPTION_SMALL_HEAP_ALLOC_MAX_BYTES, Loc));
}

const FunctionBody *SmallHeapAllocCheck::straightBody(const Expr &Site) {
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(Site);
  if (!Body || inClosure(&Site, *Body))
    return nullptr;
  const Stmt *Loop = Body->innermostLoop(&Site);
  if (Loop && !runsAtMostOnce(*Loop, Ctx.AST))
    return nullptr; // alloc-in-loop's
  return Body;
}

const Stmt *SmallHeapAllocCheck::onlyRelease(const VarDecl &Var, const Allocation &A,
                                             const Expr *Assignment,
                                             const FunctionBody &Body) {
  if (!Escape)
    Escape.reset(new EscapeAnalysis(Ctx.Functions, Ctx.Allocators, Ctx.AST,
                                    /*TrustConstParameters=*/false));
  ASTContext &AST = Ctx.AST;
  // The value of `(p = malloc(n))` itself may go elsewhere too.
  if (Assignment &&
      Escape->fateOf(*Assignment, Var, Body, false).Fate == PointerFate::Escapes)
    return nullptr;
  // The only other value the variable may hold is NULL.
  if (const Expr *Init = Var.getInit())
    if (ignoreCastsAndCleanups(Init) != A.Site &&
        !Init->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull))
      return nullptr;
  const Stmt *Release = nullptr;
  // Is the memory used at all (read or written through the pointer, lent
  // to a call, offset)? A block only tested for NULL and released probes
  // the allocator (sqlite3OsInit simulates a malloc failure that way).
  bool Used = false;
  for (const VarUse &Use : findUses(Var, *Body.function().getBody(), Body)) {
    if (Use.Kind == UseKind::AddressTaken || Use.Ref->refersToEnclosingVariableOrCapture())
      return nullptr;
    PointerUse U = Escape->fateOf(*Use.Ref, Var, Body);
    switch (U.Fate) {
    case PointerFate::Dereferenced:
      Used = Used || !inSizeof(Use.Ref, Body); // `malloc(sizeof *p)` is no use
      continue;
    case PointerFate::Borrowed: {
      const auto *Offset = dyn_cast_or_null<BinaryOperator>(Body.parentIgnoringParenCasts(Use.Ref));
      Used = Used || Use.Kind == UseKind::PassedToCall ||
             (Offset && Offset->isAdditiveOp());
      continue;
    }
    case PointerFate::Escapes:
      return nullptr;
    case PointerFate::Reassigned: {
      const auto *Assign = dyn_cast_or_null<BinaryOperator>(Body.parentIgnoringParenCasts(Use.Ref));
      if (!Assign || (Assign != Assignment &&
                      !Assign->getRHS()->isNullPointerConstant(
                          AST, Expr::NPC_ValueDependentIsNotNull)))
        return nullptr; // another block, or realloc's result
      continue;
    }
    case PointerFate::Released:
      break;
    }
    // Released: by the family's own deallocator, of the variable itself
    // (not a helper that frees it, nor another family's deallocator).
    if (!isOwnRelease(U.At, Var, A))
      return nullptr;
    if (!Release)
      Release = U.At;
  }
  return Used ? Release : nullptr;
}

void SmallHeapAllocCheck::judgeBlock(const Expr &Site) {
  SourceLocation Loc = Site.getBeginLoc();
  if (!wants(Loc))
    return;
  Allocation A;
  if (!allocationOf(&Site, Ctx.Allocators, A) || A.Site != &Site)
    return;
  const auto *Call = dyn_cast<CallExpr>(&Site);
  if (Call && Ctx.Allocators.isGrow(*Call))
    return; // realloc(NULL, n): a block meant to grow
  const auto *New = dyn_cast<CXXNewExpr>(&Site);
  uint64_t Bytes = 0;
  if (New) {
    uint64_t Each = 0;
    std::optional<uint64_t> Total;
    if (!fitsStack(New->getAllocatedType(), Loc, Each) ||
        !allocationBytes(Site, Ctx.Allocators, Ctx.AST, Total) || !Total)
      return;
    Bytes = *Total;
  } else {
    std::optional<uint64_t> Size;
    if (!allocationBytes(Site, Ctx.Allocators, Ctx.AST, Size) || !Size)
      return;
    Bytes = *Size;
  }
  if (Bytes == 0 || Bytes > uint64_t(option(MR_OPTION_SMALL_HEAP_ALLOC_MAX_BYTES, Loc)))
    return;
  // The holder and a release of it, found without the function's parent
  // map (most constant-size blocks are records that are kept, never
  // released here); the uses are judged only then.
  const FunctionDecl *Function = Ctx.Functions.enclosing(Loc);
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!Function || !Function->getBody() ||
      !pathTo(*Function->getBody(), Site, Ctx.AST.getSourceManager(), Path))
    return;
  const Expr *Assignment = nullptr;
  const VarDecl *Var = holder(Path, Site, Assignment);
  if (!Var || !isPlainLocalPointer(*Var) ||
      !declarablePointee(Var->getType()->getPointeeType()) ||
      !releasedIn(*Function->getBody(), *Var, A))
    return;
  const FunctionBody *Body = straightBody(Site);
  if (!Body)
    return;
  const Stmt *Release = onlyRelease(*Var, A, Assignment, *Body);
  if (!Release)
    return;

  std::string Name = "'" + Var->getName().str() + "'";
  std::string Freed = A.Family ? "freed" : "deleted";
  Finding F = finding(Loc, "");
  if (New && !New->isArray()) {
    std::string Type = typeName(New->getAllocatedType(), Ctx.AST);
    F.Message = Name + " holds a '" + Type + "' (" + std::to_string(Bytes) +
                " bytes) from new that never leaves this function and is deleted in "
                "it: the heap costs an allocation and a release for it; make it "
                "a local '" + Type + "' instead";
  } else {
    F.Message = Name + " holds " + std::to_string(Bytes) + " bytes from " +
                A.Allocator + " that never leave this function and are " + Freed +
                " in it: the heap costs an allocation, a release and a failure "
                "path for them; declare them on the stack instead (a local " +
                (New ? "array" : "array or struct") + ")";
  }
  F.Owner = &Body->function();
  F.Notes.push_back({Release->getBeginLoc(), Name + " is " + Freed + " here"});
  Ctx.Report.report(F);
}

bool SmallHeapAllocCheck::onlyLooks(const DeclRefExpr &Ref, const VarDecl &Var,
                                    const FunctionBody &Body) {
  const Stmt *P = parentSkippingParens(&Ref, Body);
  // p.get(), if (p): a member call of the unique_ptr itself.
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(P)) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(Body.parent(Member));
    if (!Method || !Call)
      return false;
    if (isa<CXXConversionDecl>(Method))
      return Method->getReturnType()->isBooleanType();
    if (!Method->getIdentifier() || Method->getName() != "get")
      return false;
    PointerFate Fate = Escape->fateOf(*Call, Var, Body, false).Fate;
    return Fate == PointerFate::Borrowed || Fate == PointerFate::Dereferenced;
  }
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(P);
  if (!Op || Op->getNumArgs() == 0)
    return false;
  switch (Op->getOperator()) {
  case OO_Arrow: {
    PointerFate Fate = Escape->fateOf(*Op, Var, Body, false).Fate;
    return Fate == PointerFate::Borrowed || Fate == PointerFate::Dereferenced;
  }
  case OO_Star:
    return onlyReadOrWritten(*Op, Body);
  case OO_EqualEqual:
  case OO_ExclaimEqual:
    // p == nullptr
    for (const Expr *Arg : Op->arguments())
      if (Arg->IgnoreParenImpCasts()->getType()->isNullPtrType())
        return true;
    return false;
  default:
    return false;
  }
}

void SmallHeapAllocCheck::judgeUniquePtr(const VarDecl &Var, const CallExpr &Make) {
  SourceLocation Loc = Make.getBeginLoc();
  if (!wants(Loc) || Var.getType()->isReferenceType() || isa<ParmVarDecl>(Var))
    return;
  const FunctionDecl *Callee = Make.getDirectCallee();
  const TemplateArgumentList *Args =
      Callee ? Callee->getTemplateSpecializationArgs() : nullptr;
  if (!Args || Args->size() == 0 || Args->get(0).getKind() != TemplateArgument::Type)
    return;
  QualType T = Args->get(0).getAsType();
  uint64_t Bytes = 0;
  if (!fitsStack(T, Loc, Bytes))
    return;
  const FunctionBody *Body = straightBody(Make);
  if (!Body)
    return;
  // The scope whose end deletes it.
  const Stmt *Decl = Body->parent(&Make);
  while (Decl && !isa<DeclStmt>(Decl))
    Decl = Body->parent(Decl);
  const auto *Scope = Decl ? dyn_cast_or_null<CompoundStmt>(Body->parent(Decl)) : nullptr;
  if (!Scope)
    return;
  if (!Escape)
    Escape.reset(new EscapeAnalysis(Ctx.Functions, Ctx.Allocators, Ctx.AST,
                                    /*TrustConstParameters=*/false));
  for (const DeclRefExpr *Ref : Body->references(Var))
    if (Ref->refersToEnclosingVariableOrCapture() || !onlyLooks(*Ref, Var, *Body))
      return;

  std::string Name = "'" + Var.getName().str() + "'";
  std::string Type = typeName(T, Ctx.AST);
  Finding F = finding(Loc, Name + " owns a '" + Type + "' (" + std::to_string(Bytes) +
                               " bytes) from std::make_unique that never leaves this "
                               "function: the heap costs an allocation and a release "
                               "for it; make it a local '" + Type + "' instead");
  F.Owner = &Body->function();
  F.Notes.push_back({Scope->getRBracLoc(), Name + " deletes it here, at the end of "
                                           "its scope"});
  Ctx.Report.report(F);
}

} // namespace memrules
