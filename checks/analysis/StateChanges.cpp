#include "StateChanges.h"

#include "FunctionIndex.h"
#include "ParamUses.h"
#include "ReadOnlyUses.h"
#include "StringLookup.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace memrules {
namespace {

bool inSystemHeader(const Decl &D) {
  const SourceManager &SM = D.getASTContext().getSourceManager();
  SourceLocation Loc = D.getLocation();
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

// Could a value of type T run the project's code when a library function
// handles it: a project class (its copy, comparison or destructor), a
// container of one, a function or member pointer, a lambda?
bool involvesProjectCode(QualType T) {
  T = T.getNonReferenceType();
  while (T->isPointerType() || T->isArrayType())
    T = T->isPointerType() ? T->getPointeeType()
                           : QualType(T->getArrayElementTypeNoTypeQual(), 0);
  if (T->isFunctionType() || T->isMemberPointerType())
    return true;
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (!Record)
    return false;
  if (!inSystemHeader(*Record))
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type && involvesProjectCode(Arg.getAsType()))
        return true;
  return false;
}

// A function that cannot reach the project's objects: declared `pure` or
// `const`, or a library function (not a callable's operator()) whose
// arguments are values and library objects.
bool isKnownPure(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return false;
  if (Callee->hasAttr<PureAttr>() || Callee->hasAttr<ConstAttr>())
    return true;
  if (!inSystemHeader(*Callee) || Callee->getOverloadedOperator() == OO_Call)
    return false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    if (const Expr *Object = Member->getImplicitObjectArgument())
      if (involvesProjectCode(Object->getType()))
        return false;
  for (const Expr *Arg : Call.arguments())
    if (involvesProjectCode(Arg->getType()))
      return false;
  return true;
}

// setenv, strtok, ctime...: they rewrite a buffer of their own (or the
// environment) that a source may be pointing into.
bool reusesStaticBuffer(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && memrules::reusesStaticBuffer(*Callee);
}

// A local object that is no way to the copy's source: not a root, nothing
// of `this` in its initialiser, only read in the function, so nothing was
// put in it that could lead back.
bool isUnrelatedLocal(const Expr *E, llvm::ArrayRef<const VarDecl *> Roots,
                      const FunctionBody &Body) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      llvm::is_contained(Roots, Var))
    return false;
  bool UsesThis = false;
  if (Var->getInit())
    variablesIn(*Var->getInit(), UsesThis);
  return !UsesThis && isOnlyReadIn(*Var, *Body.function().getBody());
}

// `obj.get()` where obj is an unrelated local and get() is const.
bool isConstMethodOfUnrelatedLocal(const CallExpr &Call, llvm::ArrayRef<const VarDecl *> Roots,
                                   const FunctionBody &Body) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method || !Method->isConst())
    return false;
  for (const Expr *Arg : Call.arguments())
    if (involvesProjectCode(Arg->getType()))
      return false;
  return isUnrelatedLocal(Member->getImplicitObjectArgument(), Roots, Body);
}

// A scalar local that is not a root: assigning it cannot change an object
// of class type, nor the way to one.
bool isUnrelatedScalar(const Expr *E, llvm::ArrayRef<const VarDecl *> Roots) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && Var->getType()->isScalarType() &&
         !llvm::is_contained(Roots, Var);
}

class ChangeFinder : public RecursiveASTVisitor<ChangeFinder> {
public:
  ChangeFinder(const FunctionBody &Body, SourceRange Region, const Stmt *Skip, Reach R,
               llvm::ArrayRef<const VarDecl *> Roots)
      : Body(Body), SM(Body.function().getASTContext().getSourceManager()), Region(Region),
        Skip(Skip), R(R), Roots(Roots) {}

  bool VisitStmt(Stmt *S) {
    SourceLocation At = S->getBeginLoc();
    if (Found || SM.isBeforeInTranslationUnit(At, Region.getBegin()) ||
        SM.isBeforeInTranslationUnit(Region.getEnd(), At) || Body.isWithin(S, Skip))
      return true;
    Found = changes(*S);
    return true;
  }

  bool Found = false;

private:
  bool changes(const Stmt &S) const {
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      return mayMutate(*Call) || reusesStaticBuffer(*Call) ||
             (R == Reach::Anywhere && !isKnownPure(*Call) &&
              !isConstMethodOfUnrelatedLocal(*Call, Roots, Body));
    if (const auto *B = dyn_cast<BinaryOperator>(&S))
      return B->isAssignmentOp() && !isUnrelatedScalar(B->getLHS(), Roots);
    if (const auto *U = dyn_cast<UnaryOperator>(&S))
      return U->isIncrementDecrementOp() && !isUnrelatedScalar(U->getSubExpr(), Roots);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (!Ctor)
        return true;
      // A move from a named object leaves it changed; from a temporary not.
      if (Ctor->isMoveConstructor() && Construct->getNumArgs() > 0 &&
          !isa<MaterializeTemporaryExpr>(Construct->getArg(0)))
        return true;
      if (R == Reach::Named)
        return false;
      // The project's constructor, or a library one given the project's
      // code to run (std::thread(&Foo::work, this)).
      if (!inSystemHeader(*Ctor))
        return !Ctor->isTrivial();
      return llvm::any_of(Construct->arguments(), [](const Expr *Arg) {
        return involvesProjectCode(Arg->getType());
      });
    }
    return isa<CXXDeleteExpr>(S);
  }

  const FunctionBody &Body;
  const SourceManager &SM;
  SourceRange Region;
  const Stmt *Skip;
  Reach R;
  llvm::ArrayRef<const VarDecl *> Roots;
};

// Where Copy is in use (see mayChangeWhileInUse): the end of that span.
class UseSpan {
public:
  explicit UseSpan(const FunctionBody &Body)
      : Body(Body), SM(Body.function().getASTContext().getSourceManager()) {}

  SourceLocation endFor(const VarDecl &Copy) {
    follow(Copy, Copy.getInit());
    while (!Pending.empty()) {
      auto [Var, Definition] = Pending.pop_back_val();
      follow(*Var, Definition);
    }
    return End;
  }

private:
  void stretchTo(SourceLocation Loc) {
    if (End.isInvalid() || SM.isBeforeInTranslationUnit(End, Loc))
      End = Loc;
  }

  // Var is defined at Definition: its uses, and the locals they define.
  void follow(const VarDecl &Var, const Stmt *Definition) {
    if (!Seen.insert(&Var).second)
      return;
    llvm::SmallPtrSet<const Stmt *, 4> DefinitionLoops;
    for (const Stmt *L = Body.innermostLoop(Definition); L; L = Body.innermostLoop(L))
      DefinitionLoops.insert(L);
    for (const DeclRefExpr *Ref : Body.references(Var)) {
      stretchTo(Ref->getEndLoc());
      // A later iteration reaches this use again: the whole loop counts.
      for (const Stmt *L = Body.innermostLoop(Ref); L && !DefinitionLoops.count(L);
           L = Body.innermostLoop(L))
        stretchTo(L->getEndLoc());
      if (const VarDecl *Borrower = receiver(*Ref))
        Pending.push_back({Borrower, Ref});
    }
  }

  // The local that the expression holding Ref initialises or is assigned
  // to, when it could point into Ref's object (not a number, not what a
  // lookup returns: a position in the container); a range-for over Ref
  // stretches the span over the loop.
  const VarDecl *receiver(const DeclRefExpr &Ref) {
    const VarDecl *Var = receivingLocal(Ref);
    return Var && !Var->getType()->isArithmeticType() && !Var->getType()->isEnumeralType()
               ? Var
               : nullptr;
  }

  const VarDecl *receivingLocal(const DeclRefExpr &Ref) {
    const Stmt *Child = &Ref;
    for (const Stmt *P = Body.parent(Child); P; Child = P, P = Body.parent(P)) {
      const Expr *Target = nullptr;
      if (const auto *Lookup = dyn_cast<CXXMemberCallExpr>(P))
        if (Lookup->getMethodDecl() && isAssociativeLookup(*Lookup->getMethodDecl()) &&
            Lookup->getImplicitObjectArgument() != Child)
          return nullptr;
      if (const auto *Decls = dyn_cast<DeclStmt>(P)) {
        if (const auto *Loop = dyn_cast_or_null<CXXForRangeStmt>(Body.parent(P)))
          if (Loop->getRangeStmt() == P)
            stretchTo(Loop->getEndLoc());
        for (const Decl *D : Decls->decls())
          if (const auto *Var = dyn_cast<VarDecl>(D))
            if (Var->getInit() == Child && Var->hasLocalStorage())
              return Var;
        return nullptr;
      }
      if (const auto *Assign = dyn_cast<BinaryOperator>(P)) {
        if (Assign->getOpcode() == BO_Assign && Assign->getRHS() == Child)
          Target = Assign->getLHS();
      } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
        if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 && Op->getArg(1) == Child)
          Target = Op->getArg(0);
      } else if (!isa<Expr>(P)) {
        return nullptr;
      }
      if (Target) {
        const auto *To = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
        const auto *Var = To ? dyn_cast<VarDecl>(To->getDecl()) : nullptr;
        return Var && Var->hasLocalStorage() ? Var : nullptr;
      }
    }
    return nullptr;
  }

  const FunctionBody &Body;
  const SourceManager &SM;
  SourceLocation End;
  llvm::SmallPtrSet<const VarDecl *, 8> Seen;
  llvm::SmallVector<std::pair<const VarDecl *, const Stmt *>, 4> Pending;
};

} // namespace

bool mayMutate(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return true;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    // An associative container's lookup changes nothing, and its iterator
    // cannot reorder the elements (their keys are const), unlike begin()'s
    // handed to std::sort.
    if (!Method->isStatic() && !Method->isConst() && !isAssociativeLookup(*Method))
      return true;
  for (const ParmVarDecl *P : Callee->parameters()) {
    QualType T = P->getType();
    if ((T->isReferenceType() || T->isPointerType()) &&
        !T->getPointeeType().isConstQualified())
      return true;
  }
  return Callee->isVariadic();
}

bool mayChangeWhileInUse(const FunctionBody &Body, const VarDecl &Copy, Reach R,
                         llvm::ArrayRef<const VarDecl *> Roots) {
  const Expr *Init = Copy.getInit();
  if (!Init)
    return true;
  SourceLocation End = UseSpan(Body).endFor(Copy);
  if (End.isInvalid())
    return false; // never used after its initialiser
  ChangeFinder Finder(Body, SourceRange(Init->getBeginLoc(), End), Init, R, Roots);
  Finder.TraverseStmt(const_cast<Stmt *>(Body.function().getBody()));
  return Finder.Found;
}

} // namespace memrules
