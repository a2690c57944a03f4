// See ContainerAliases.h. The use is followed upwards, expression by
// expression, while its value may still point into the buffer (the
// container itself, a reference to an element, a pointer, an iterator);
// each parent either uses that value up (a read, a comparison, a statement
// that discards it), passes it on (and the walk continues with the parent),
// or may keep it (false).
#include "ContainerAliases.h"

#include "ContainerGrowth.h"
#include "Escape.h"
#include "FunctionIndex.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace memrules {
namespace {

// A value that cannot point into the buffer: a number, a bool, nothing.
bool isPlainValue(const Expr &E) {
  QualType T = E.getType();
  return !E.isGLValue() && (T->isVoidType() || T->isArithmeticType() ||
                            T->isEnumeralType() || T->isNullPtrType());
}

bool inSystemHeader(const Decl &D) {
  const SourceManager &SM = D.getASTContext().getSourceManager();
  return SM.isInSystemHeader(SM.getExpansionLoc(D.getLocation()));
}

// std::move, std::forward, std::ref and the like hand the container (or a
// reference to it) on to whoever receives the result.
bool handsOver(const FunctionDecl &F) {
  if (!F.isInStdNamespace() || !F.getIdentifier())
    return false;
  StringRef Name = F.getName();
  return Name == "move" || Name == "forward" || Name == "ref" || Name == "cref" ||
         Name == "as_const" || Name == "exchange" || Name == "swap";
}

// A constructor that copies what it is given into an object of its own
// (a container's), rather than referring to it (string_view, span, pair
// of iterators, a parser holding a reference).
bool copiesContents(const CXXConstructExpr &Construct) {
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  if (Ctor->isCopyConstructor())
    return true;
  return !Ctor->isMoveConstructor() &&
         containerKind(Ctor->getParent(), nullptr) != Container::None;
}

enum class Step { Safe, Escapes, Continue };

// What Parent does with Cur, a value that may point into the buffer.
Step stepUp(const Expr *&Cur, const Stmt *Parent, const VarDecl &Var,
            const FunctionBody &Body, EscapeAnalysis &Escape) {
  if (!Parent || !isa<Expr>(Parent)) {
    if (!Parent || isa<CompoundStmt>(Parent) || isa<IfStmt>(Parent) ||
        isa<WhileStmt>(Parent) || isa<ForStmt>(Parent) || isa<DoStmt>(Parent) ||
        isa<SwitchStmt>(Parent) || isa<CaseStmt>(Parent) || isa<DefaultStmt>(Parent) ||
        isa<LabelStmt>(Parent))
      return Step::Safe; // a statement or condition: used up there
    // A range-for's range (`auto &&__range = v`, implicit): its elements
    // are the loop variable's, inside the statement that mentions v.
    if (const auto *Decl = dyn_cast<DeclStmt>(Parent))
      return Decl->isSingleDecl() && Decl->getSingleDecl()->isImplicit() ? Step::Safe
                                                                         : Step::Escapes;
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(Parent))
      return Range->getRangeInit() == Cur ? Step::Safe : Step::Escapes;
    return Step::Escapes; // return, a declaration's initializer, ...
  }
  const auto *P = cast<Expr>(Parent);
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(P)) {
    // An element's value read: what the buffer holds (a pointer stored in
    // a std::vector<T *> too), not where it is.
    if (Cast->getCastKind() == CK_LValueToRValue)
      return Step::Safe;
    Cur = P;
    return Step::Continue;
  }
  if (isa<ParenExpr>(P) || isa<CastExpr>(P) || isa<ExprWithCleanups>(P) ||
      isa<MaterializeTemporaryExpr>(P) || isa<CXXBindTemporaryExpr>(P) ||
      isa<ArraySubscriptExpr>(P) || isa<CXXMemberCallExpr>(P) || isa<MemberExpr>(P)) {
    // A member call with Cur as an argument (not its object) gives it to
    // another object, which may keep it unless it is a standard container
    // copying it (out.append(s), out.insert(out.end(), b, e)).
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(P)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (!Method || (Method->getIdentifier() && Method->getName() == "swap"))
        return Step::Escapes; // the buffer changes hands
      bool OnObject = Call->getCallee()->IgnoreParens() == Cur;
      if (!OnObject && (containerKind(Call->getRecordDecl(), nullptr) == Container::None ||
                        Cur->getType()->isPointerType()))
        return Step::Escapes;
    }
    Cur = P;
    return Step::Continue;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(P)) {
    if (Unary->isIncrementDecrementOp())
      return Step::Safe;
    Cur = P; // *it, &v[0], -x
    return Step::Continue;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(P)) {
    if (Binary->isAssignmentOp())
      return Binary->getLHS() == Cur ? Step::Safe : Step::Escapes; // stored elsewhere
    if (Binary->isComparisonOp() || Binary->isLogicalOp())
      return Step::Safe;
    Cur = P; // pointer arithmetic
    return Step::Continue;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
    if (Construct->isElidable()) { // the same value, before C++17
      Cur = P;
      return Step::Continue;
    }
    return copiesContents(*Construct) ? Step::Safe : Step::Escapes;
  }
  if (const auto *Call = dyn_cast<CallExpr>(P)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || handsOver(*Callee) || Call->getCallee() == Cur)
      return Step::Escapes;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      // v[i], *it, it + 1 on the value itself; `x = v` copies into x;
      // `view = v` or `p = v.data()` stores it.
      if (Op->getNumArgs() > 0 && Op->getArg(0) == Cur) {
        Cur = P;
        return Step::Continue;
      }
      if (Op->getOperator() == OO_Equal)
        return containerKind(Op->getArg(0)->getType()->getAsCXXRecordDecl(), nullptr) !=
                       Container::None
                   ? Step::Safe
                   : Step::Escapes;
      Cur = P;
      return Step::Continue;
    }
    // A pointer lent to a function: as for a C block (Escape.h). The
    // container or an iterator: to a free function or a standard
    // algorithm, whose result is followed in turn.
    if (Cur->getType()->isPointerType()) {
      PointerFate Fate = Escape.fateOf(*Cur, Var, Body, /*IsVariable=*/false).Fate;
      if (Fate != PointerFate::Borrowed && Fate != PointerFate::Dereferenced)
        return Step::Escapes;
    } else if (isa<CXXMethodDecl>(Callee) && !cast<CXXMethodDecl>(Callee)->isStatic()) {
      return Step::Escapes;
    } else if (!inSystemHeader(*Callee) && Cur->getType()->isRecordType() &&
               Cur->getType()->getAsCXXRecordDecl() != Var.getType()->getAsCXXRecordDecl()) {
      return Step::Escapes; // an iterator or view given to the project's code
    }
    Cur = P;
    return Step::Continue;
  }
  return Step::Escapes;
}

} // namespace

bool onlyBorrows(const DeclRefExpr &Ref, const VarDecl &Var, const FunctionBody &Body,
                 EscapeAnalysis &Escape) {
  if (Ref.refersToEnclosingVariableOrCapture())
    return false; // a lambda's capture: the lambda may run later
  const Expr *Cur = &Ref;
  for (unsigned Steps = 0; Steps < 32; ++Steps) {
    if (Cur != &Ref && isPlainValue(*Cur))
      return true;
    switch (stepUp(Cur, Body.parent(Cur), Var, Body, Escape)) {
    case Step::Safe:
      return true;
    case Step::Escapes:
      return false;
    case Step::Continue:
      break;
    }
  }
  return false;
}

} // namespace memrules
