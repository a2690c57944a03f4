#include "AllocInLoop.h"

#include "analysis/AllocationSites.h"
#include "analysis/LoopFacts.h"
#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {

void AllocInLoopCheck::registerMatchers(MatchFinder &Finder) {
  auto Alloc = callExpr(callee(functionDecl(isAllocatorIn(&Ctx.Allocators)))).bind("alloc");
  auto Local = varDecl(hasLocalStorage()).bind("var");
  // p = malloc(n);
  Finder.addMatcher(
      binaryOperator(hasOperatorName("="),
                     hasLHS(ignoringParenImpCasts(declRefExpr(to(Local)))),
                     hasRHS(ignoringParenCasts(Alloc)),
                     unless(isExpansionInSystemHeader())),
      this);
  // T *p = malloc(n);
  Finder.addMatcher(varDecl(hasLocalStorage(), hasInitializer(ignoringParenCasts(Alloc)),
                            unless(isExpansionInSystemHeader()))
                        .bind("var"),
                    this);
  if (!Ctx.AST.getLangOpts().CPlusPlus)
    return;
  // p = new T; T *p = new T[n]; (placement new allocates nothing)
  auto New = cxxNewExpr(unless(hasAnyPlacementArg(anything()))).bind("alloc");
  Finder.addMatcher(
      binaryOperator(hasOperatorName("="),
                     hasLHS(ignoringParenImpCasts(declRefExpr(to(Local)))),
                     hasRHS(ignoringParenCasts(New)),
                     unless(isExpansionInSystemHeader())),
      this);
  Finder.addMatcher(varDecl(hasLocalStorage(), hasInitializer(ignoringParenCasts(New)),
                            unless(isExpansionInSystemHeader()))
                        .bind("var"),
                    this);
  // Every local of a triggered body; checkScratch keeps the std containers.
  Finder.addMatcher(declStmt(forEach(varDecl(hasLocalStorage()).bind("container")),
                             unless(isExpansionInSystemHeader()))
                        .bind("decl"),
                    this);
}

// Do all statements from S up to (not including) Top run whenever Top's
// statement list runs? Blocks and labels do; so does `if (p) free(p)`, a
// null guard of the variable being released.
static bool runsWith(const Stmt *S, const Stmt *Top, const VarDecl &Var,
                     const FunctionBody &Body) {
  const Stmt *Child = S;
  for (const Stmt *P = Body.parent(S); P && P != Top; Child = P, P = Body.parent(P)) {
    if (isa<CompoundStmt>(P) || isa<LabelStmt>(P) || isa<Expr>(P))
      continue;
    const auto *If = dyn_cast<IfStmt>(P);
    if (If && Child == If->getThen() && !If->getElse() && refersTo(If->getCond(), Var))
      continue;
    return false;
  }
  return true;
}

// The innermost statement that contains both A and B.
static const Stmt *commonAncestor(const Stmt *A, const Stmt *B,
                                  const FunctionBody &Body) {
  for (const Stmt *P = A; P; P = Body.parent(P))
    if (Body.isWithin(B, P))
      return P;
  return nullptr;
}

// Is the value copied into Use's destination still owned by the iteration?
// Copying into another local is aliasing; anything else is an escape.
static bool storesIntoLocal(const VarUse &Use) {
  if (Use.DestinationVar)
    return Use.DestinationVar->hasLocalStorage() &&
           !Use.DestinationVar->getType()->isReferenceType();
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
      Use.Destination ? Use.Destination->IgnoreParenCasts() : nullptr);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage();
}

// The call or delete-expression that releases the allocation through this
// use of its variable, or null.
const Stmt *AllocInLoopCheck::releaseOf(const VarUse &Use, const Allocation &A,
                                        const FunctionBody &Body) {
  if (A.Family)
    return Use.Kind == UseKind::PassedToCall &&
                   Ctx.Allocators.releasedBy(*Use.Call, *A.Family) == Use.Ref
               ? Use.Call
               : nullptr;
  return dyn_cast_or_null<CXXDeleteExpr>(Body.parentIgnoringParenCasts(Use.Ref));
}

const Stmt *AllocInLoopCheck::releaseInSameIteration(const VarDecl &Var,
                                                     const Allocation &A,
                                                     const Stmt &Loop,
                                                     const FunctionBody &Body) {
  const SourceManager &SM = Ctx.AST.getSourceManager();
  for (const VarUse &Use : findUses(Var, Loop, Body)) {
    if (!SM.isBeforeInTranslationUnit(A.Expr->getBeginLoc(), Use.Ref->getBeginLoc()))
      continue; // before the allocation: another iteration's business
    if (const Stmt *Release = releaseOf(Use, A, Body)) {
      const Stmt *Top = commonAncestor(A.Expr, Release, Body);
      if (runsWith(Release, Top, Var, Body))
        return Release;
      continue; // freed on some path only, e.g. before an early exit
    }
    switch (Use.Kind) {
    case UseKind::PassedToCall:
      break; // a borrow: the callee cannot keep a block freed below
    case UseKind::Stored:
      if (!storesIntoLocal(Use))
        return nullptr;
      break;
    case UseKind::Assigned:
    case UseKind::Returned:
    case UseKind::AddressTaken:
      return nullptr; // the block leaves the variable or the iteration
    default:
      break;
    }
  }
  return nullptr;
}

// "the same 4096 bytes", "the same 'len + 1' bytes", or "" when the size
// may change between iterations or is not a size argument (strdup).
std::string AllocInLoopCheck::sizeDescription(const Allocation &A,
                                              const Stmt &Loop,
                                              const FunctionBody &Body) {
  std::vector<const Expr *> Operands;
  llvm::APSInt Bytes(64, /*isUnsigned=*/true);
  Bytes = 1;
  if (const auto *Call = dyn_cast<CallExpr>(A.Expr)) {
    Operands = AllocatorModel::sizeOperands(*Call);
  } else if (const auto *New = dyn_cast<CXXNewExpr>(A.Expr)) {
    QualType Type = New->getAllocatedType();
    if (Type->isDependentType() || Type->isIncompleteType())
      return "";
    Bytes = Ctx.AST.getTypeSizeInChars(Type).getQuantity();
    if (New->isArray()) {
      auto Count = New->getArraySize();
      if (!Count || !*Count)
        return "";
      Operands.push_back(*Count);
    }
  }
  if (Operands.empty() && !isa<CXXNewExpr>(A.Expr))
    return "";
  bool Constant = true;
  std::string Text;
  for (const Expr *Operand : Operands) {
    if (Operand->isValueDependent() || !isLoopInvariant(*Operand, Loop, Body))
      return "";
    Expr::EvalResult Value;
    if (Constant && Operand->EvaluateAsInt(Value, Ctx.AST))
      Bytes *= Value.Val.getInt().extOrTrunc(64);
    else
      Constant = false;
    StringRef Spelled = Lexer::getSourceText(
        CharSourceRange::getTokenRange(Operand->getSourceRange()),
        Ctx.AST.getSourceManager(), Ctx.AST.getLangOpts());
    if (Spelled.empty())
      return "";
    Text += (Text.empty() ? "" : " * ") + Spelled.str();
  }
  if (Constant)
    return "the same " + toString(Bytes, 10) + " bytes";
  if (isa<CXXNewExpr>(A.Expr))
    return "the same '" + Text + "' elements";
  return "the same '" + Text + "' bytes";
}

void AllocInLoopCheck::run(const MatchFinder::MatchResult &Result) {
  if (const auto *Container = Result.Nodes.getNodeAs<VarDecl>("container")) {
    checkScratch(*Result.Nodes.getNodeAs<DeclStmt>("decl"), *Container);
    return;
  }
  const auto *Alloc = Result.Nodes.getNodeAs<Expr>("alloc");
  const auto *Var = Result.Nodes.getNodeAs<VarDecl>("var");
  if (!Alloc || !Var || !wants(Alloc->getBeginLoc()))
    return;
  Allocation A{Alloc, nullptr};
  if (const auto *Call = dyn_cast<CallExpr>(Alloc)) {
    A.Family = Ctx.Allocators.allocation(*Call);
    if (!A.Family)
      return;
  }
  const FunctionDecl *Function = Ctx.Functions.enclosing(Alloc->getBeginLoc());
  if (!Function)
    return;
  const FunctionBody &Body = Ctx.Functions.body(*Function);
  if (!Body.contains(Alloc))
    return; // a template instantiation: its pattern is checked instead
  const Stmt *Loop = Body.innermostLoop(Alloc);
  if (!Loop || runsAtMostOnce(*Loop, Ctx.AST) || isOnBailOutBranch(*Alloc, *Loop, Body))
    return;
  const Stmt *Release = releaseInSameIteration(*Var, A, *Loop, Body);
  if (!Release)
    return;

  std::string Name = Var->getName().str();
  std::string Size = sizeDescription(A, *Loop, Body);
  std::string Freed = A.Family ? "freed" : "deleted";
  Finding F = finding(
      Alloc->getBeginLoc(),
      Size.empty()
          ? "'" + Name + "' is allocated and " + Freed +
                " on every iteration; allocate it once before the loop, "
                "sized for the largest iteration, and reuse it"
          : Size + " are allocated for '" + Name + "' and " + Freed +
                " on every iteration; allocate them once before the loop "
                "and reuse them");
  F.Notes.push_back({Release->getBeginLoc(), "'" + Name + "' is " + Freed + " here"});
  F.Notes.push_back({Loop->getBeginLoc(), "in this loop"});
  F.Owner = Function;
  F.InLoop = true;
  Ctx.Report.report(F);
}

} // namespace memrules
