#include "SubstringCopy.h"

#include "analysis/AllocationSites.h"
#include "analysis/BufferOrigins.h"
#include "analysis/LoopFacts.h"
#include "analysis/StmtWalk.h"
#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/FoldingSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

// Do A and B compute the same value: the same expression, casts aside, and
// nothing that changes between the two (no side effects)?
bool sameComputation(const Expr *A, const Expr *B, const ASTContext &AST) {
  A = A->IgnoreParenCasts();
  B = B->IgnoreParenCasts();
  if (A->HasSideEffects(AST) || B->HasSideEffects(AST))
    return false;
  llvm::FoldingSetNodeID IdA, IdB;
  A->Profile(IdA, AST, /*Canonical=*/true);
  B->Profile(IdB, AST, /*Canonical=*/true);
  return IdA == IdB;
}

bool hasValue(const Expr *E, int Value, const ASTContext &AST) {
  Expr::EvalResult Result;
  return !E->isValueDependent() && E->EvaluateAsInt(Result, AST) &&
         Result.Val.getInt() == Value;
}

// malloc(n + 1) for a copy of n bytes.
bool isLengthPlusOne(const Expr *Size, const Expr *Length, const ASTContext &AST) {
  const auto *Add = dyn_cast<BinaryOperator>(Size->IgnoreParenCasts());
  if (!Add || Add->getOpcode() != BO_Add)
    return false;
  return (hasValue(Add->getRHS(), 1, AST) && sameComputation(Add->getLHS(), Length, AST)) ||
         (hasValue(Add->getLHS(), 1, AST) && sameComputation(Add->getRHS(), Length, AST));
}

// A struct field or an array element: where a parser keeps its records.
const Expr *recordSlot(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  return isa_and_nonnull<MemberExpr>(E) || isa_and_nonnull<ArraySubscriptExpr>(E) ? E
                                                                                  : nullptr;
}

// `Copy[Length] = 0` or `*(Copy + Length) = '\0'`.
const BinaryOperator *nulStore(const Stmt *S, const Expr *Copy, const Expr *Length,
                               const ASTContext &AST) {
  const auto *Assign = dyn_cast_or_null<BinaryOperator>(S);
  if (!Assign || Assign->getOpcode() != BO_Assign || !hasValue(Assign->getRHS(), 0, AST))
    return nullptr;
  const Expr *To = Assign->getLHS()->IgnoreParenImpCasts();
  if (const auto *Element = dyn_cast<ArraySubscriptExpr>(To))
    return sameLvalue(Element->getBase(), Copy) &&
                   sameComputation(Element->getIdx(), Length, AST)
               ? Assign
               : nullptr;
  const auto *Deref = dyn_cast<UnaryOperator>(To);
  const auto *Sum = Deref && Deref->getOpcode() == UO_Deref
                        ? dyn_cast<BinaryOperator>(Deref->getSubExpr()->IgnoreParenImpCasts())
                        : nullptr;
  return Sum && Sum->getOpcode() == BO_Add && sameLvalue(Sum->getLHS(), Copy) &&
                 sameComputation(Sum->getRHS(), Length, AST)
             ? Assign
             : nullptr;
}

// `x + 1`: the size of a copy of x bytes and its NUL.
bool isPlusOne(const Expr *E) {
  const auto *Add = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  auto IsOne = [](const Expr *X) {
    const auto *One = dyn_cast<IntegerLiteral>(X->IgnoreParenImpCasts());
    return One && One->getValue() == 1;
  };
  return Add && Add->getOpcode() == BO_Add && (IsOne(Add->getLHS()) || IsOne(Add->getRHS()));
}

bool isBefore(const Stmt *A, const Stmt *B, const SourceManager &SM) {
  return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A->getBeginLoc()),
                                      SM.getExpansionLoc(B->getBeginLoc()));
}

const char *const MemcpyNames[] = {"memcpy", "__builtin_memcpy", "__builtin___memcpy_chk"};

} // namespace

std::vector<std::string> SubstringCopyCheck::triggers() const {
  return Ctx.Allocators.allocatorNames();
}

// Both forms start at an allocation: the shared allocation-site matcher
// (one per call of any family's allocator; the other rules match the same).
// The malloc + memcpy form is then found from `malloc(n + 1)`: few calls
// have that shape, so few functions need their parent map (sqlite3.c has
// hundreds of memcpy calls).
void SubstringCopyCheck::registerMatchers(MatchFinder &Finder) {
  addAllocationSiteMatchers(Finder, this, Ctx.Allocators, /*CPlusPlus=*/false, "call", "");
}

// libc's strndup(s, n), or a family's *strndup* taking (..., s, n):
// g_strndup, xstrndup, sqlite3DbStrNDup(db, z, n).
bool SubstringCopyCheck::isStrndup(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  unsigned N = Call.getNumArgs();
  if (!Callee || !Callee->getIdentifier() || N < 2)
    return false;
  if (Callee->getName() == "strndup")
    return N == 2 && isLibcDeclaration(*Callee);
  const AllocatorFamily *Family = Ctx.Allocators.calleeFamily(Call);
  return Family && Family->Name != "libc" &&
         Callee->getName().lower().find("strndup") != std::string::npos &&
         Call.getArg(N - 2)->IgnoreParenImpCasts()->getType()->isPointerType() &&
         Call.getArg(N - 1)->getType()->isIntegerType();
}

// `Record = strndup(p, n)`, or `q = strndup(p, n)` / `char *q = strndup(p, n)`.
bool SubstringCopyCheck::fromStrndup(const CallExpr &Call, const FunctionBody &Body,
                                     SliceCopy &Copy) const {
  if (!isStrndup(Call))
    return false;
  unsigned N = Call.getNumArgs();
  Copy.Allocation = &Call;
  Copy.Source = Call.getArg(N - 2);
  Copy.Length = Call.getArg(N - 1);
  const Stmt *Parent = Body.parentIgnoringParenCasts(&Call);
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent)) {
    if (Assign->getOpcode() != BO_Assign || ignoreCastsAndCleanups(Assign->getRHS()) != &Call)
      return false;
    if ((Copy.Record = recordSlot(Assign->getLHS()))) {
      Copy.Store = Assign;
      return true;
    }
    const auto *To = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts());
    Copy.Local = To ? dyn_cast<VarDecl>(To->getDecl()) : nullptr;
    return Copy.Local;
  }
  if (const auto *Decls = dyn_cast_or_null<DeclStmt>(Parent))
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getInit() && ignoreCastsAndCleanups(Var->getInit()) == &Call)
          Copy.Local = Var;
  return Copy.Local;
}

// In one block: `q = malloc(n + 1)` (q a local or the record itself, or
// `char *q = malloc(n + 1)`), later `memcpy(q, p, n)`, then `q[n] = 0`.
// Judged on the block alone, before any parent map is built.
bool SubstringCopyCheck::fromMemcpy(const CallExpr &Call, const CompoundStmt &Block,
                                    SliceCopy &Copy) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || (!Callee->getBuiltinID() && !isLibcDeclaration(*Callee)))
    return false;
  ASTContext &AST = Ctx.AST;
  const SourceManager &SM = AST.getSourceManager();
  const Expr *Dest = ignoreCastsAndCleanups(Call.getArg(0));
  const auto *Ref = dyn_cast<DeclRefExpr>(Dest);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (Var && (!Var->hasLocalStorage() || isa<ParmVarDecl>(Var)))
    return false;
  if (!Var && !recordSlot(Dest))
    return false;
  Copy.Memcpy = &Call;
  Copy.Source = Call.getArg(1);
  Copy.Length = Call.getArg(2);
  Copy.Local = Var;
  for (const Stmt *S : Block.body()) {
    if (isBefore(&Call, S, SM)) {
      Copy.Nul = Copy.Nul ? Copy.Nul : nulStore(S, Dest, Copy.Length, AST);
      continue;
    }
    if (!isBefore(S, &Call, SM))
      continue;
    const Expr *Made = nullptr;
    const auto *Assign = dyn_cast<BinaryOperator>(S);
    if (Assign && Assign->getOpcode() == BO_Assign && sameLvalue(Assign->getLHS(), Dest))
      Made = Assign->getRHS();
    if (const auto *Decls = dyn_cast<DeclStmt>(S))
      if (Var && Decls->isSingleDecl() && Decls->getSingleDecl() == Var)
        Made = Var->getInit();
    if (!Made)
      continue;
    Copy.Allocation = dyn_cast<CallExpr>(ignoreCastsAndCleanups(Made));
    if (!Var) {
      Copy.Record = recordSlot(Assign->getLHS());
      Copy.Store = Assign;
    }
  }
  if (!Copy.Allocation || !Copy.Nul || !Ctx.Allocators.allocation(*Copy.Allocation))
    return false;
  std::vector<const Expr *> Sizes = AllocatorModel::sizeOperands(*Copy.Allocation);
  if (Sizes.empty())
    Sizes = AllocatorModel::familySizeOperands(*Copy.Allocation);
  return Sizes.size() == 1 && isLengthPlusOne(Sizes.front(), Copy.Length, AST);
}

// The copy held in a local: every use is in the loop, and is its making, a
// null test, the memcpy and NUL that fill it, one store into a record, or
// its release (on an error path). Anything else (printed, parsed,
// tokenised, case-folded, returned, kept in another local) is another job.
bool SubstringCopyCheck::localOnlyKept(SliceCopy &Copy, const FunctionBody &Body,
                                       const Stmt &Loop) const {
  const VarDecl &Var = *Copy.Local;
  if (!Var.hasLocalStorage() || isa<ParmVarDecl>(Var) || !Var.getType()->isPointerType())
    return false;
  unsigned Stores = 0;
  for (const VarUse &Use : findUses(Var, *Body.function().getBody(), Body)) {
    if (!Body.isWithin(Use.Ref, &Loop))
      return false;
    const Stmt *Parent = Body.parentIgnoringParenCasts(Use.Ref);
    switch (Use.Kind) {
    case UseKind::Assigned: {
      const Expr *Value = ignoreCastsAndCleanups(cast<BinaryOperator>(Parent)->getRHS());
      if (Value != Copy.Allocation &&
          Value->isNullPointerConstant(Ctx.AST, Expr::NPC_ValueDependentIsNotNull) ==
              Expr::NPCK_NotNull)
        return false;
      break;
    }
    case UseKind::Read:
      if (!isNullTestOperand(*Use.Ref, Body))
        return false;
      break;
    case UseKind::PassedToCall: {
      const FunctionDecl *Callee = Use.Call->getDirectCallee();
      bool Filled = Use.Call == Copy.Memcpy && Use.Argument == 0;
      if (!Filled && (!Callee || Ctx.Allocators.releasingFamilies(*Callee).empty()))
        return false;
      break;
    }
    case UseKind::Dereferenced:
      if (!Copy.Nul || !Body.isWithin(Use.Ref, Copy.Nul))
        return false;
      break;
    case UseKind::Stored:
      if (Stores++ || !recordSlot(Use.Destination))
        return false;
      Copy.Record = recordSlot(Use.Destination);
      Copy.Store = cast<Expr>(Parent);
      break;
    default:
      return false;
    }
  }
  return Stores == 1;
}

// What the function does with the record's field (any object's) or the
// array's elements besides this store: null tests, resets, releases, and
// the memcpy and NUL that fill the copy. A use that needs the copy as a
// string of its own (passed to a function, written to) keeps the rule
// silent.
bool SubstringCopyCheck::recordUseAllowed(const Expr &Use, const SliceCopy &Copy,
                                          const FunctionBody &Body) const {
  if (isNullTestOperand(Use, Body) || (Copy.Nul && Body.isWithin(&Use, Copy.Nul)))
    return true;
  const Stmt *Parent = Body.parentIgnoringParenCasts(&Use);
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent))
    return Assign->getOpcode() == BO_Assign &&
           Assign->getLHS()->IgnoreParenImpCasts() == &Use;
  const auto *Call = dyn_cast_or_null<CallExpr>(Parent);
  if (!Call)
    return false;
  if (Call == Copy.Memcpy && Call->getArg(0)->IgnoreParenCasts() == &Use)
    return true;
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && !Ctx.Allocators.releasingFamilies(*Callee).empty();
}

bool SubstringCopyCheck::recordOnlyKept(const SliceCopy &Copy,
                                        const FunctionBody &Body) const {
  const auto *Field = dyn_cast<MemberExpr>(Copy.Record);
  const auto *Element = dyn_cast<ArraySubscriptExpr>(Copy.Record);
  bool Kept = true;
  forEachStmt(Body.function().getBody(), [&](const Stmt *S) {
    const auto *Use = dyn_cast<Expr>(S);
    if (!Kept || !Use || Use == Copy.Record)
      return;
    const auto *OtherField = dyn_cast<MemberExpr>(Use);
    const auto *OtherElement = dyn_cast<ArraySubscriptExpr>(Use);
    bool Same = (Field && OtherField &&
                 OtherField->getMemberDecl()->getCanonicalDecl() ==
                     Field->getMemberDecl()->getCanonicalDecl()) ||
                (Element && OtherElement &&
                 sameLvalue(OtherElement->getBase(), Element->getBase()));
    Kept = !Same || recordUseAllowed(*Use, Copy, Body);
  });
  return Kept;
}

// The buffer lives past the loop: a parameter (the caller's), a global or
// static that cannot change (const), or a local allocated once before the
// loop. A local array dies with the function, which the records may
// outlive: not judged.
bool SubstringCopyCheck::outlivesLoop(const VarDecl &Root, SourceLocation From,
                                      BufferOrigins &Origins) const {
  QualType T = Root.getType();
  if (isa<ParmVarDecl>(Root))
    return T->isPointerType();
  if (!Root.hasLocalStorage()) {
    if (const ArrayType *Array = Ctx.AST.getAsArrayType(T))
      return Array->getElementType().isConstQualified();
    return T.isConstQualified() && T->isPointerType() &&
           T->getPointeeType().isConstQualified();
  }
  llvm::SmallVector<const Expr *, 2> Defs;
  if (T->isArrayType() || !Origins.definitions(Root, Defs) || Defs.size() != 1)
    return false;
  const auto *Allocation = dyn_cast<CallExpr>(ignoreCastsAndCleanups(Defs.front()));
  const SourceManager &SM = Ctx.AST.getSourceManager();
  return Allocation && Ctx.Allocators.allocation(*Allocation) &&
         SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Allocation->getEndLoc()), From);
}

void SubstringCopyCheck::run(const MatchFinder::MatchResult &Result) {
  const auto *Allocation = Result.Nodes.getNodeAs<CallExpr>("call");
  if (!Allocation || !wants(Allocation->getBeginLoc()))
    return;
  bool Strndup = isStrndup(*Allocation);
  if (!Strndup && llvm::none_of(Allocation->arguments(), isPlusOne))
    return;
  // The path down from the function's body, found without a parent map:
  // most allocations are in no loop, and need none.
  const FunctionDecl *Function = Ctx.Functions.enclosing(Allocation->getBeginLoc());
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!Function || !Function->getBody() ||
      !pathTo(*Function->getBody(), *Allocation, Ctx.AST.getSourceManager(), Path) ||
      llvm::none_of(Path, [](const Stmt *S) { return FunctionBody::loopBody(S); }))
    return;
  SliceCopy Copy;
  if (Strndup) {
    const FunctionBody *Body = Ctx.Functions.bodyAround(*Allocation);
    if (Body && fromStrndup(*Allocation, *Body, Copy))
      judge(*Allocation, Copy, *Body);
    return;
  }
  // `q = malloc(n + 1);` or `char *q = malloc(n + 1);`, a statement of a
  // block in which a memcpy into q follows.
  auto Up = Path.rbegin() + 1;
  while (Up != Path.rend() && (isa<ParenExpr>(*Up) || isa<CastExpr>(*Up)))
    ++Up;
  if (Up == Path.rend() || (!isa<BinaryOperator>(*Up) && !isa<DeclStmt>(*Up)) ||
      ++Up == Path.rend())
    return;
  const auto *Block = dyn_cast<CompoundStmt>(*Up);
  if (!Block)
    return;
  const CallExpr *Memcpy = nullptr;
  for (const Stmt *S : Block->body()) {
    const auto *E = dyn_cast<Expr>(S);
    const auto *Call = E ? dyn_cast<CallExpr>(E->IgnoreParenCasts()) : nullptr;
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getIdentifier() || Call->getNumArgs() != 3 ||
        llvm::none_of(MemcpyNames,
                      [Callee](const char *Name) { return Callee->getName() == Name; }))
      continue;
    Copy = SliceCopy();
    if (fromMemcpy(*Call, *Block, Copy) && Copy.Allocation == Allocation) {
      Memcpy = Call;
      break;
    }
  }
  const FunctionBody *Body = Memcpy ? Ctx.Functions.bodyAround(*Memcpy) : nullptr;
  if (Body)
    judge(*Memcpy, Copy, *Body);
}

void SubstringCopyCheck::judge(const CallExpr &Call, SliceCopy &Copy,
                               const FunctionBody &Function) {
  const FunctionBody *Body = &Function;
  if (!Body->function().getBody())
    return;
  const Stmt *Loop = Body->innermostLoop(&Call);
  if (!Loop || runsAtMostOnce(*Loop, Ctx.AST) || isOnBailOutBranch(Call, *Loop, *Body))
    return;
  if (Copy.Local && !localOnlyKept(Copy, *Body, *Loop))
    return;
  if (!Copy.Record || !Body->isWithin(Copy.Store, Loop) || !recordOnlyKept(Copy, *Body))
    return;
  // The buffer must stay put from the first iteration of the outermost
  // loop on: an outer loop that refills it makes every copy necessary.
  const Stmt *Outer = Loop;
  while (const Stmt *Up = Body->innermostLoop(Outer))
    Outer = Up;
  SourceLocation From = Ctx.AST.getSourceManager().getExpansionLoc(Outer->getBeginLoc());
  BufferOrigins Origins(*Body, Ctx.Functions, Ctx.Allocators, Ctx.AST);
  const VarDecl *Root = Origins.rootOf(Copy.Source);
  if (!Root || !outlivesLoop(*Root, From, Origins) || Origins.changesFrom(*Root, From))
    return;
  report(Copy, *Root, *Loop, *Body);
}

void SubstringCopyCheck::report(const SliceCopy &Copy, const VarDecl &Root,
                                const Stmt &Loop, const FunctionBody &Body) {
  const std::string Buffer = "'" + Root.getNameAsString() + "'";
  std::string How = Copy.Allocation->getDirectCallee()->getNameAsString();
  if (Copy.Memcpy)
    How += " + memcpy";
  Finding F = finding(
      Copy.Allocation->getBeginLoc(),
      "a slice of " + Buffer + " is copied by " + How +
          " on every iteration only to be kept in a record, though " + Buffer +
          " outlives the loop unchanged; store a pointer into " + Buffer +
          " and a length instead of allocating a copy, if " + Buffer +
          " also outlives the records");
  if (Copy.Memcpy)
    F.Notes.push_back({Copy.Memcpy->getBeginLoc(), "the slice is copied here"});
  F.Notes.push_back({Copy.Store->getBeginLoc(), "the copy is kept in a record here"});
  F.Notes.push_back({Root.getLocation(), "the buffer, not changed or freed in or after the loop"});
  F.Notes.push_back({Loop.getBeginLoc(), "the loop"});
  F.Owner = &Body.function();
  F.InLoop = true;
  Ctx.Report.report(F);
}

} // namespace memrules
