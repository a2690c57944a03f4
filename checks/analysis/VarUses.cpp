#include "VarUses.h"

#include "FunctionIndex.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Builtins.h"

using namespace clang;

namespace memrules {

bool refersTo(const Expr *E, const VarDecl &Var) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenCasts() : nullptr);
  return Ref && Ref->getDecl() == &Var;
}

// Do A and B denote the same object, structurally: the same variable,
// member chain, dereference or subscript with the same (side-effect-free)
// index? Anything else (calls, arithmetic) is "not the same": the check
// stays silent rather than guess.
bool sameLvalue(const Expr *A, const Expr *B) {
  A = A ? A->IgnoreParenImpCasts() : nullptr;
  B = B ? B->IgnoreParenImpCasts() : nullptr;
  if (!A || !B || A->getStmtClass() != B->getStmtClass())
    return false;
  if (const auto *RA = dyn_cast<DeclRefExpr>(A))
    return RA->getDecl()->getCanonicalDecl() ==
           cast<DeclRefExpr>(B)->getDecl()->getCanonicalDecl();
  if (const auto *MA = dyn_cast<MemberExpr>(A)) {
    const auto *MB = cast<MemberExpr>(B);
    return MA->isArrow() == MB->isArrow() &&
           MA->getMemberDecl()->getCanonicalDecl() ==
               MB->getMemberDecl()->getCanonicalDecl() &&
           sameLvalue(MA->getBase(), MB->getBase());
  }
  if (const auto *SA = dyn_cast<ArraySubscriptExpr>(A)) {
    const auto *SB = cast<ArraySubscriptExpr>(B);
    return sameLvalue(SA->getBase(), SB->getBase()) &&
           sameLvalue(SA->getIdx(), SB->getIdx());
  }
  if (const auto *UA = dyn_cast<UnaryOperator>(A)) {
    const auto *UB = cast<UnaryOperator>(B);
    return UA->getOpcode() == UO_Deref && UB->getOpcode() == UO_Deref &&
           sameLvalue(UA->getSubExpr(), UB->getSubExpr());
  }
  if (const auto *IA = dyn_cast<IntegerLiteral>(A))
    return IA->getValue().getBitWidth() ==
               cast<IntegerLiteral>(B)->getValue().getBitWidth() &&
           IA->getValue() == cast<IntegerLiteral>(B)->getValue();
  if (isa<CXXThisExpr>(A))
    return true;
  return false;
}

const Expr *ignoreCastsAndCleanups(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Next))
      Next = Cleanups->getSubExpr();
    if (Next == E)
      break;
    E = Next;
  }
  return E;
}

namespace {

class RefCollector : public RecursiveASTVisitor<RefCollector> {
public:
  explicit RefCollector(const VarDecl &Var) : Var(Var) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == &Var)
      Refs.push_back(Ref);
    return true;
  }
  const VarDecl &Var;
  std::vector<const DeclRefExpr *> Refs;
};

} // namespace

// What the nearest meaningful parent of a reference does with it.
static VarUse classify(const DeclRefExpr *Ref, const FunctionBody &Body) {
  VarUse Use{UseKind::Read, Ref};
  const Stmt *Child = Ref;
  const Stmt *P = Body.parent(Ref);
  while (P && (isa<ParenExpr>(P) || isa<CastExpr>(P))) {
    Child = P;
    P = Body.parent(P);
  }
  if (!P)
    return Use;
  if (const auto *Unary = dyn_cast<UnaryOperator>(P)) {
    if (Unary->getOpcode() == UO_AddrOf)
      Use.Kind = UseKind::AddressTaken;
    else if (Unary->isIncrementDecrementOp())
      Use.Kind = UseKind::Modified;
    else if (Unary->getOpcode() == UO_Deref)
      Use.Kind = UseKind::Dereferenced;
  } else if (const auto *Binary = dyn_cast<BinaryOperator>(P)) {
    if (Binary->getLHS() == Child && Binary->getOpcode() == BO_Assign)
      Use.Kind = UseKind::Assigned;
    else if (Binary->getLHS() == Child && Binary->isCompoundAssignmentOp())
      Use.Kind = UseKind::Modified;
    else if (Binary->getRHS() == Child && Binary->getOpcode() == BO_Assign) {
      Use.Kind = UseKind::Stored;
      Use.Destination = Binary->getLHS();
    }
  } else if (const auto *Decl = dyn_cast<DeclStmt>(P)) {
    for (const auto *D : Decl->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (V->getInit() == Child) {
          Use.Kind = UseKind::Stored;
          Use.DestinationVar = V;
        }
  } else if (isa<ReturnStmt>(P)) {
    Use.Kind = UseKind::Returned;
  } else if (const auto *Call = dyn_cast<CallExpr>(P)) {
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == Child) {
        Use.Kind = UseKind::PassedToCall;
        Use.Call = Call;
        Use.Argument = I;
      }
  } else if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(P)) {
    if (Subscript->getBase() == Child)
      Use.Kind = UseKind::Dereferenced;
  } else if (const auto *Member = dyn_cast<MemberExpr>(P)) {
    if (Member->isArrow())
      Use.Kind = UseKind::Dereferenced;
  }
  return Use;
}

std::vector<VarUse> findUses(const VarDecl &Var, const Stmt &Scope,
                             const FunctionBody &Body) {
  std::vector<VarUse> Uses;
  // The whole body: the function's reference index answers.
  if (&Scope == Body.function().getBody()) {
    for (const DeclRefExpr *Ref : Body.references(Var))
      Uses.push_back(classify(Ref, Body));
    return Uses;
  }
  RefCollector Collector(Var);
  Collector.TraverseStmt(const_cast<Stmt *>(&Scope));
  for (const DeclRefExpr *Ref : Collector.Refs)
    Uses.push_back(classify(Ref, Body));
  return Uses;
}

int nullTest(const Expr *E, const VarDecl &Var, ASTContext &AST) {
  if (!E)
    return 0;
  E = E->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getBuiltinID() == Builtin::BI__builtin_expect &&
        Call->getNumArgs() == 2)
      return nullTest(Call->getArg(0), Var, AST);
    return 0;
  }
  if (const auto *Not = dyn_cast<UnaryOperator>(E))
    return Not->getOpcode() == UO_LNot ? -nullTest(Not->getSubExpr(), Var, AST) : 0;
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->getOpcode() == BO_Assign)
      return refersTo(B->getLHS(), Var) ? 1 : 0;
    if (B->getOpcode() != BO_EQ && B->getOpcode() != BO_NE)
      return 0;
    auto IsNull = [&AST](const Expr *X) {
      return X->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull) !=
             Expr::NPCK_NotNull;
    };
    int Side = 0;
    if (IsNull(B->getRHS()))
      Side = nullTest(B->getLHS(), Var, AST);
    else if (IsNull(B->getLHS()))
      Side = nullTest(B->getRHS(), Var, AST);
    // `x == NULL` is true when x is null; `x` itself tested means non-null.
    return B->getOpcode() == BO_EQ ? -Side : Side;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl() == &Var ? 1 : 0;
  return 0;
}

bool isNullTestOperand(const Expr &E, const FunctionBody &Body) {
  const Stmt *Parent = Body.parentIgnoringParenCasts(&E);
  auto Is = [&E](const Expr *X) { return X && X->IgnoreParenCasts() == &E; };
  if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Parent))
    return Not->getOpcode() == UO_LNot;
  if (const auto *Compare = dyn_cast_or_null<BinaryOperator>(Parent)) {
    if (Compare->getOpcode() != BO_EQ && Compare->getOpcode() != BO_NE)
      return false;
    const Expr *Other = Is(Compare->getLHS()) ? Compare->getRHS() : Compare->getLHS();
    return Other->isNullPointerConstant(Body.function().getASTContext(),
                                        Expr::NPC_ValueDependentIsNotNull) !=
           Expr::NPCK_NotNull;
  }
  if (const auto *If = dyn_cast_or_null<IfStmt>(Parent))
    return Is(If->getCond());
  if (const auto *Choice = dyn_cast_or_null<ConditionalOperator>(Parent))
    return Is(Choice->getCond());
  return false;
}

} // namespace memrules
