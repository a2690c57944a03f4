#include "LoopFacts.h"

#include "FunctionIndex.h"
#include "VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace memrules {

static bool isConstantFalse(const Expr *Cond, ASTContext &AST) {
  bool Value = true;
  return Cond && !Cond->isValueDependent() &&
         Cond->EvaluateAsBooleanCondition(Value, AST) && !Value;
}

// Does S contain a `continue` of the loop it is in (not of a nested loop)?
static bool hasOwnContinue(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ContinueStmt>(S))
    return true;
  if (FunctionBody::loopBody(S))
    return false; // a nested loop's continue is its own
  for (const Stmt *Child : S->children())
    if (hasOwnContinue(Child))
      return true;
  return false;
}

static bool leavesUnconditionally(const Stmt *S) {
  return S && (isa<BreakStmt>(S) || isa<ReturnStmt>(S) || isa<GotoStmt>(S));
}

// for (i = A; i < B; ++i) with B - A <= 1 (or <= with B == A).
static bool isSingleTripFor(const ForStmt &For, ASTContext &AST) {
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      For.getCond() ? For.getCond()->IgnoreParenImpCasts() : nullptr);
  if (!Cond || (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_LE))
    return false;
  const auto *Counter = dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts());
  const auto *CounterVar = Counter ? dyn_cast<VarDecl>(Counter->getDecl()) : nullptr;
  if (!CounterVar)
    return false;
  const Expr *Start = nullptr;
  if (const auto *Decl = dyn_cast_or_null<DeclStmt>(For.getInit())) {
    if (Decl->isSingleDecl() && Decl->getSingleDecl() == CounterVar)
      Start = CounterVar->getInit();
  } else if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(For.getInit())) {
    if (Assign->getOpcode() == BO_Assign && refersTo(Assign->getLHS(), *CounterVar))
      Start = Assign->getRHS();
  }
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(For.getInc());
  if (!Start || !Inc || !Inc->isIncrementOp() || !refersTo(Inc->getSubExpr(), *CounterVar))
    return false;
  Expr::EvalResult From, To;
  if (Start->isValueDependent() || Cond->getRHS()->isValueDependent() ||
      !Start->EvaluateAsInt(From, AST) || !Cond->getRHS()->EvaluateAsInt(To, AST))
    return false;
  llvm::APSInt Trips = To.Val.getInt() - From.Val.getInt();
  return Cond->getOpcode() == BO_LT ? Trips <= 1 : Trips <= 0;
}

bool runsAtMostOnce(const Stmt &Loop, ASTContext &AST) {
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    if (isConstantFalse(Do->getCond(), AST))
      return true;
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    if (isSingleTripFor(*For, AST))
      return true;
  const Stmt *Body = FunctionBody::loopBody(&Loop);
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  const Stmt *Last = Block ? (Block->body_empty() ? nullptr : Block->body_back()) : Body;
  return leavesUnconditionally(Last) && !hasOwnContinue(Body);
}

bool isNoReturnCall(const Stmt *S) {
  const auto *Call = dyn_cast_or_null<CallExpr>(S ? S->IgnoreContainers() : nullptr);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->isNoReturn();
}

static bool branchBailsOut(const Stmt *Branch) {
  const Stmt *Last = Branch;
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Branch))
    Last = Block->body_empty() ? nullptr : Block->body_back();
  return leavesUnconditionally(Last) || isNoReturnCall(Last);
}

bool isOnBailOutBranch(const Stmt &S, const Stmt &Loop, const FunctionBody &Body) {
  const Stmt *Child = &S;
  for (const Stmt *P = Body.parent(&S); P && P != &Loop; Child = P, P = Body.parent(P)) {
    const auto *If = dyn_cast<IfStmt>(P);
    if (If && (Child == If->getThen() || Child == If->getElse()) &&
        branchBailsOut(Child))
      return true;
  }
  return false;
}

static bool hasUse(const VarDecl &Var, const Stmt &Scope, const FunctionBody &Body,
                   std::initializer_list<UseKind> Kinds) {
  for (const VarUse &Use : findUses(Var, Scope, Body))
    for (UseKind Kind : Kinds)
      if (Use.Kind == Kind)
        return true;
  return false;
}

bool isDeclaredIn(const VarDecl &Var, const Stmt &Loop) {
  const SourceManager &SM = Var.getASTContext().getSourceManager();
  SourceLocation At = Var.getLocation();
  return !SM.isBeforeInTranslationUnit(At, Loop.getBeginLoc()) &&
         !SM.isBeforeInTranslationUnit(Loop.getEndLoc(), At);
}

bool isLoopInvariant(const Expr &E, const Stmt &Loop, const FunctionBody &Body) {
  const Expr *X = E.IgnoreParenCasts();
  if (isa<IntegerLiteral>(X) || isa<CharacterLiteral>(X) ||
      isa<UnaryExprOrTypeTraitExpr>(X))
    return true;
  if (const auto *Unary = dyn_cast<UnaryOperator>(X))
    return Unary->isArithmeticOp() && isLoopInvariant(*Unary->getSubExpr(), Loop, Body);
  if (const auto *Binary = dyn_cast<BinaryOperator>(X))
    return !Binary->isAssignmentOp() && !Binary->isCommaOp() &&
           isLoopInvariant(*Binary->getLHS(), Loop, Body) &&
           isLoopInvariant(*Binary->getRHS(), Loop, Body);
  const auto *Ref = dyn_cast<DeclRefExpr>(X);
  if (!Ref)
    return false;
  if (isa<EnumConstantDecl>(Ref->getDecl()))
    return true;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var || Var->getType().isVolatileQualified() || isDeclaredIn(*Var, Loop))
    return false; // declared in the loop: initialised anew every iteration
  if (Var->getType().isConstQualified())
    return true;
  // A local written nowhere in the loop, and whose address never escapes
  // (through which a call could write it), keeps its value.
  const Stmt *FunctionStmt = Body.function().getBody();
  return Var->hasLocalStorage() &&
         !hasUse(*Var, Loop, Body, {UseKind::Assigned, UseKind::Modified}) &&
         !hasUse(*Var, *FunctionStmt, Body, {UseKind::AddressTaken});
}

} // namespace memrules
