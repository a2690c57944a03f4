#include "BufferOrigins.h"

#include "Allocators.h"
#include "Escape.h"
#include "FunctionIndex.h"
#include "StmtWalk.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace memrules {

namespace {
// Deep enough for real cursors (`p = q + 1` chains), small enough that a
// pathological function costs nothing.
constexpr unsigned MaxSteps = 400;
constexpr unsigned MaxDepth = 12;

bool isLocalPointer(const VarDecl &Var) {
  return Var.hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
         Var.getType()->isPointerType();
}
} // namespace

const VarDecl *BufferOrigins::rootOf(const Expr *E) {
  Steps = 0;
  Origin O = trace(E);
  return O.Cycle ? nullptr : O.Root;
}

BufferOrigins::Origin BufferOrigins::join(Origin A, Origin B) {
  if ((!A.Root && !A.Cycle) || (!B.Root && !B.Cycle))
    return Origin::none();
  if (A.Cycle)
    return B;
  if (B.Cycle)
    return A;
  return A.Root == B.Root ? A : Origin::none();
}

// A pointer into the buffer: the buffer's variable, `X + n`, `X - n`,
// `&X[i]`, `c ? X : Y` of one buffer, or strchr(X, c)-like libc calls.
BufferOrigins::Origin BufferOrigins::trace(const Expr *E) {
  if (!E || ++Steps > MaxSteps)
    return Origin::none();
  E = E->IgnoreParenCasts();
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    if (Binary->isAdditiveOp() && Binary->getType()->isPointerType())
      return trace(Binary->getLHS()->getType()->isPointerType() ? Binary->getLHS()
                                                                 : Binary->getRHS());
    return Origin::none();
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    const Expr *Sub = Unary->getSubExpr()->IgnoreParens();
    if (Unary->getOpcode() != UO_AddrOf)
      return Origin::none();
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(Sub))
      return trace(Subscript->getBase());
    if (const auto *Deref = dyn_cast<UnaryOperator>(Sub))
      if (Deref->getOpcode() == UO_Deref)
        return trace(Deref->getSubExpr());
    return Origin::none();
  }
  if (const auto *Choice = dyn_cast<ConditionalOperator>(E))
    return join(trace(Choice->getTrueExpr()), trace(Choice->getFalseExpr()));
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    int Arg = returnedArgument(*Call, AST);
    return Arg < 0 ? Origin::none() : trace(Call->getArg(unsigned(Arg)));
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      return traceVar(*Var);
  return Origin::none();
}

BufferOrigins::Origin BufferOrigins::traceVar(const VarDecl &Var) {
  if (isa<ParmVarDecl>(Var) || !Var.hasLocalStorage() || Var.getType()->isArrayType())
    return {&Var, false};
  if (!isLocalPointer(Var))
    return Origin::none();
  auto Known = Roots.find(&Var);
  if (Known != Roots.end())
    return {Known->second, false};
  if (InProgress.count(&Var))
    return {nullptr, true};
  bool Outermost = InProgress.empty();
  InProgress.insert(&Var);
  llvm::SmallVector<const Expr *, 4> Defs;
  bool Traceable = definitions(Var, Defs) && !Defs.empty();
  Origin Result{nullptr, true};
  bool Derived = Traceable;
  for (const Expr *Def : Defs) {
    Result = join(Result, trace(Def));
    if (!Result.Root && !Result.Cycle) {
      Derived = false;
      break;
    }
  }
  InProgress.erase(&Var);
  // A pointer given its value once, by something other than a derivation
  // (`buf = malloc(n)`), is a buffer of its own.
  if (!Derived)
    Result = Traceable && Defs.size() == 1 ? Origin{&Var, false} : Origin::none();
  if (Outermost && !Result.Cycle)
    Roots[&Var] = Result.Root;
  return Result.Cycle && Outermost ? Origin::none() : Result;
}

bool BufferOrigins::definitions(const VarDecl &Var,
                                llvm::SmallVectorImpl<const Expr *> &Out) const {
  if (Var.getInit())
    Out.push_back(Var.getInit());
  for (const DeclRefExpr *Ref : Body.references(Var)) {
    const Stmt *Parent = Body.parent(Ref);
    while (isa_and_nonnull<ParenExpr>(Parent))
      Parent = Body.parent(Parent);
    if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(Parent))
      if (Unary->getOpcode() == UO_AddrOf)
        return false; // may be set through the pointer (strtol's &end)
    if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent))
      if (Assign->getOpcode() == BO_Assign &&
          Assign->getLHS()->IgnoreParens() == Ref)
        Out.push_back(Assign->getRHS());
  }
  return true;
}

bool BufferOrigins::isAlias(const VarDecl *Var) const {
  return Var && Aliases.count(Var);
}

bool BufferOrigins::changesFrom(const VarDecl &Root, SourceLocation From) {
  RootVar = &Root;
  Aliases.clear();
  Aliases.insert(&Root);
  forEachStmt(Body.function().getBody(), [this, &Root](const Stmt *S) {
    const auto *Decls = dyn_cast<DeclStmt>(S);
    if (!Decls)
      return;
    for (const Decl *D : Decls->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (Var && Var != &Root && isLocalPointer(*Var)) {
        Steps = 0;
        if (traceVar(*Var).Root == &Root)
          Aliases.insert(Var);
      }
    }
  });
  const SourceManager &SM = AST.getSourceManager();
  for (const VarDecl *Var : Aliases)
    for (const DeclRefExpr *Ref : Body.references(*Var)) {
      BeforeFrom = SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Ref->getBeginLoc()), From);
      if (!onlyRead(Ref, 0))
        return true;
    }
  return false;
}

// E's value is a pointer into the buffer (or E is the buffer's variable).
bool BufferOrigins::onlyRead(const Expr *E, unsigned Depth) {
  if (Depth > MaxDepth)
    return false;
  const Stmt *Child = E;
  const Stmt *P = Body.parent(E);
  for (; P; Child = P, P = Body.parent(P)) {
    if (isa<ParenExpr>(P))
      continue;
    const auto *Cast = dyn_cast<CastExpr>(P);
    if (!Cast)
      break;
    if (!Cast->getType()->isPointerType() && Cast->getCastKind() != CK_LValueToRValue &&
        Cast->getCastKind() != CK_NoOp)
      return true; // tested, compared as an integer, discarded
  }
  // A statement of its own (a for-increment, an expression statement): the
  // value goes nowhere. Declarations and returns are judged below.
  if (!P || (!isa<Expr>(P) && !isa<DeclStmt>(P) && !isa<ReturnStmt>(P)) ||
      isa<UnaryExprOrTypeTraitExpr>(P))
    return true;
  if (const auto *Unary = dyn_cast<UnaryOperator>(P)) {
    if (Unary->getOpcode() == UO_Deref)
      return lvalueOnlyRead(Unary, Depth);
    if (Unary->isIncrementDecrementOp())
      return onlyRead(Unary, Depth + 1); // a cursor advanced in the buffer
    return Unary->getOpcode() == UO_LNot;
  }
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(P))
    return Subscript->getBase() != Child || lvalueOnlyRead(Subscript, Depth);
  if (const auto *Member = dyn_cast<MemberExpr>(P))
    return Member->isArrow() && lvalueOnlyRead(Member, Depth);
  if (const auto *Binary = dyn_cast<BinaryOperator>(P)) {
    bool Left = Binary->getLHS() == Child;
    if (Binary->getOpcode() == BO_Assign) {
      if (!Left) { // kept in another variable: one of the buffer's cursors?
        const auto *To = dyn_cast<DeclRefExpr>(Binary->getLHS()->IgnoreParenImpCasts());
        return To && isAlias(dyn_cast<VarDecl>(To->getDecl()));
      }
      // A parameter given another buffer; a cursor's new value is one of
      // its derivations, or it would not be a cursor (nor a local root,
      // which has one definition).
      const auto *Self = dyn_cast<DeclRefExpr>(cast<Expr>(Child)->IgnoreParens());
      if (!Self || (Self->getDecl() == RootVar && isa<ParmVarDecl>(RootVar) &&
                    rootOf(Binary->getRHS()) != RootVar))
        return false;
      return onlyRead(Binary, Depth + 1);
    }
    if (Binary->isCompoundAssignmentOp())
      return Left && onlyRead(Binary, Depth + 1);
    if (Binary->isComparisonOp() || Binary->isLogicalOp())
      return true;
    if (Binary->isAdditiveOp())
      return !Binary->getType()->isPointerType() || onlyRead(Binary, Depth + 1);
    if (Binary->getOpcode() == BO_Comma)
      return Left || onlyRead(Binary, Depth + 1);
    return false;
  }
  if (const auto *Choice = dyn_cast<ConditionalOperator>(P))
    return Choice->getCond() == Child || onlyRead(Choice, Depth + 1);
  if (const auto *Call = dyn_cast<CallExpr>(P)) {
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == Child)
        return callOnlyReads(*Call, I, Depth);
    return false;
  }
  if (const auto *Decls = dyn_cast<DeclStmt>(P)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getInit() == Child)
          return isAlias(Var);
    return false;
  }
  // Handed back to the caller, who passed the buffer in.
  if (isa<ReturnStmt>(P))
    return isa<ParmVarDecl>(RootVar);
  return false;
}

// E is an lvalue inside the buffer: `*p`, `p[i]`, `p->m`. Before From,
// writing it is filling the buffer; only a pointer made from it matters.
bool BufferOrigins::lvalueOnlyRead(const Expr *E, unsigned Depth) {
  const Stmt *Child = E;
  const Stmt *P = Body.parent(E);
  while (isa_and_nonnull<ParenExpr>(P)) {
    Child = P;
    P = Body.parent(P);
  }
  if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(P)) {
    if (Cast->getCastKind() == CK_LValueToRValue)
      return true;
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return onlyRead(Cast, Depth + 1);
    return false;
  }
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(P))
    return Unary->getOpcode() == UO_AddrOf && onlyRead(Unary, Depth + 1);
  if (isa_and_nonnull<UnaryExprOrTypeTraitExpr>(P))
    return true;
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(P))
    return !Member->isArrow() && lvalueOnlyRead(Member, Depth);
  if (const auto *Subscript = dyn_cast_or_null<ArraySubscriptExpr>(P))
    return Subscript->getBase() == Child && lvalueOnlyRead(Subscript, Depth);
  return BeforeFrom; // assigned, incremented, bound to a reference
}

// The buffer handed to a call: read only if the parameter points to const
// (or it is printed), no pointer can come back through another argument,
// and any pointer the call returns is either a fresh allocation or is
// followed in turn.
bool BufferOrigins::callOnlyReads(const CallExpr &Call, unsigned Arg,
                                  unsigned Depth) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return false;
  if (BeforeFrom) { // filled (fread, memset) but not kept
    EscapeAnalysis Escape(Functions, Model, AST, /*TrustConstParameters=*/false);
    PointerFate Fate = Escape.fateOf(*Call.getArg(Arg), *RootVar, Body, false).Fate;
    return Fate == PointerFate::Borrowed || Fate == PointerFate::Dereferenced;
  }
  if (Arg < Callee->getNumParams()) {
    QualType T = Callee->getParamDecl(Arg)->getType();
    if (!T->isPointerType() || !T->getPointeeType().isConstQualified())
      return false;
  } else if (!Callee->hasAttr<FormatAttr>()) {
    return false;
  }
  for (const Expr *Other : Call.arguments()) {
    QualType T = Other->IgnoreParenImpCasts()->getType();
    if (T->isPointerType() && T->getPointeeType()->isPointerType())
      return false; // strtol(p, &end): a pointer into the buffer comes back
  }
  if (!Call.getType()->isPointerType() || Model.allocation(Call))
    return true;
  return onlyRead(&Call, Depth + 1);
}

} // namespace memrules
