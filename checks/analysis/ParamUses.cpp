#include "ParamUses.h"

#include "../../plugin/TraversalPlan.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace memrules {

static bool inSystemHeader(const Decl *D, const SourceManager &SM) {
  SourceLocation Loc = D->getLocation();
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

// System headers declare thousands of things and define few functions, so
// the kind of a declaration is asked before its (costlier) location.
static void visitDefinitions(const DeclContext &DC, const SourceManager &SM,
                             llvm::function_ref<void(const FunctionDecl &)> Visit) {
  for (const Decl *D : DC.decls()) {
    if (D->isImplicit())
      continue;
    const DeclContext *Inner = nullptr;
    const FunctionDecl *Definition = nullptr;
    if (isa<NamespaceDecl>(D) || isa<LinkageSpecDecl>(D) || isa<ExportDecl>(D)) {
      Inner = cast<DeclContext>(D);
    } else if (const auto *Class = dyn_cast<CXXRecordDecl>(D)) {
      // Class templates, their specializations and members of templates
      // are left to instantiation; local classes are not at this level.
      if (Class->isThisDeclarationADefinition() && !Class->isDependentContext() &&
          !isa<ClassTemplateSpecializationDecl>(Class))
        Inner = Class;
    } else if (const auto *F = dyn_cast<FunctionDecl>(D)) {
      if (F->doesThisDeclarationHaveABody() && !F->isTemplated() &&
          !F->isTemplateInstantiation() && !F->isDefaulted() && !F->isDeleted() &&
          !F->isInvalidDecl())
        Definition = F;
    }
    if ((!Inner && !Definition) || inSystemHeader(D, SM))
      continue;
    if (Inner)
      visitDefinitions(*Inner, SM, Visit);
    else
      Visit(*Definition);
  }
}

void forEachFunctionDefinition(ASTContext &AST,
                               llvm::function_ref<void(const FunctionDecl &)> Visit) {
  visitDefinitions(*AST.getTranslationUnitDecl(), AST.getSourceManager(), Visit);
}

bool signatureIsOwn(const FunctionDecl &F) {
  if (F.isMain() || F.isVariadic() || !F.hasWrittenPrototype())
    return false;
  // Kept for assembly or the linker (`used`), or replaceable by another
  // definition with the same signature (`weak`).
  if (F.hasAttr<UsedAttr>() || F.isWeak())
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&F))
    if (Method->isVirtual())
      return false;
  const LangOptions &Lang = F.getASTContext().getLangOpts();
  if (Lang.CPlusPlus && F.isExternC())
    return false;
  return !F.getLocation().isMacroID();
}

// --- functions whose address is taken ---------------------------------

bool AddressTakenFunctions::contains(const FunctionDecl &F,
                                     const TraversalPlan *Plan) {
  const FunctionDecl *First = F.getCanonicalDecl();
  if (Plan && Plan->watchesCalls(*First)) {
    if (!Plan->nameOnlyCalled(*First))
      return true;
    // A definition that is the first declaration: its own body was parsed
    // before the watch began.
    if (First->doesThisDeclarationHaveABody() && OwnBodies.insert(First).second)
      walk(First->getBody());
    return Taken.count(First) != 0;
  }
  if (!Scanned) {
    Scanned = true;
    scan();
  }
  return Taken.count(F.getCanonicalDecl()) != 0;
}

void AddressTakenFunctions::mark(const Decl *D) {
  if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
    D = Template->getTemplatedDecl();
  if (isa<FunctionDecl>(D))
    Taken.insert(D->getCanonicalDecl());
}

void AddressTakenFunctions::walk(const Stmt *S) {
  if (!S)
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    // The callee of a direct call is not an address taken; anything else
    // in the callee position (`(&f)(x)`, `table[i](x)`) is walked.
    const Expr *Callee = Call->getCallee();
    const Expr *Bare = Callee->IgnoreParenImpCasts();
    if (isa<DeclRefExpr>(Bare) || isa<UnresolvedLookupExpr>(Bare)) {
      // f(x), and C++ calls of overload sets
    } else if (const auto *Member = dyn_cast<MemberExpr>(Bare)) {
      walk(Member->getBase());
    } else if (const auto *Unresolved = dyn_cast<UnresolvedMemberExpr>(Bare)) {
      if (!Unresolved->isImplicitAccess())
        walk(Unresolved->getBase());
    } else {
      walk(Callee);
    }
    for (const Expr *Arg : Call->arguments())
      walk(Arg);
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    mark(Ref->getDecl());
    return;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    mark(Member->getMemberDecl());
  else if (const auto *Overloads = dyn_cast<OverloadExpr>(S))
    for (const NamedDecl *D : Overloads->decls())
      mark(D->getUnderlyingDecl());
  else if (const auto *Block = dyn_cast<BlockExpr>(S))
    walk(Block->getBody());
  else if (const auto *Decls = dyn_cast<DeclStmt>(S))
    for (const Decl *D : Decls->decls())
      walkDecl(D); // local statics, cleanup attributes
  for (const Stmt *Child : S->children())
    walk(Child);
}

void AddressTakenFunctions::walkDecl(const Decl *D) {
  if (const auto *Var = dyn_cast<VarDecl>(D)) {
    if (const auto *Cleanup = Var->getAttr<CleanupAttr>())
      if (Cleanup->getFunctionDecl())
        mark(Cleanup->getFunctionDecl());
    return; // the initialiser is a child of the DeclStmt, or walked by scan
  }
  // A local class's methods.
  if (const auto *Class = dyn_cast<CXXRecordDecl>(D))
    for (const Decl *Member : Class->decls())
      if (const auto *F = dyn_cast<FunctionDecl>(Member))
        if (F->doesThisDeclarationHaveABody())
          walk(F->getBody());
}

void AddressTakenFunctions::scan() {
  const SourceManager &SM = AST.getSourceManager();
  llvm::SmallVector<const DeclContext *, 16> Contexts{AST.getTranslationUnitDecl()};
  while (!Contexts.empty()) {
    const DeclContext *DC = Contexts.pop_back_val();
    for (const Decl *D : DC->decls()) {
      if (inSystemHeader(D, SM))
        continue;
      if (const auto *Template = dyn_cast<TemplateDecl>(D))
        if (const Decl *Pattern = Template->getTemplatedDecl())
          D = Pattern;
      if (const auto *F = dyn_cast<FunctionDecl>(D)) {
        for (const ParmVarDecl *P : F->parameters())
          if (P->hasDefaultArg() && !P->hasUnparsedDefaultArg() &&
              !P->hasUninstantiatedDefaultArg())
            walk(P->getDefaultArg());
        if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(F))
          for (const CXXCtorInitializer *Init : Ctor->inits())
            if (Init->isWritten())
              walk(Init->getInit());
        if (F->doesThisDeclarationHaveABody())
          walk(F->getBody());
      } else if (const auto *Var = dyn_cast<VarDecl>(D)) {
        walkDecl(Var);
        walk(Var->getInit());
      } else if (const auto *Field = dyn_cast<FieldDecl>(D)) {
        walk(Field->getInClassInitializer());
      } else if (isa<NamespaceDecl>(D) || isa<LinkageSpecDecl>(D) ||
                 isa<ExportDecl>(D) || isa<RecordDecl>(D)) {
        Contexts.push_back(cast<DeclContext>(D));
      }
    }
  }
}

// --- how a parameter is used --------------------------------------------

namespace {

enum class Mode {
  // The parameter is the object (by value): reading it, copying it and
  // lending it to const pointers and references are all reads.
  Value,
  // The object is reached through the parameter (a pointer or reference):
  // reads and copies only; lending it or part of it anywhere keeps an
  // address, which passing by value would change.
  Pointee,
  // A local copy that would become a reference: as Value, but the whole
  // object copied on (passed by value, returned, assigned or handed to
  // another object's non-const method, which may keep it) is what the
  // copy was made for.
  Borrowed,
};

bool readsValue(Mode M) { return M != Mode::Pointee; }

// The ancestors of a reference, innermost last, and a cursor moving up.
class UseChain {
public:
  UseChain(llvm::ArrayRef<const Stmt *> Ancestors, const Stmt *Ref)
      : Ancestors(Ancestors), Next(Ancestors.size()), Child(Ref) {}
  // The next ancestor, skipping parentheses; null at the top.
  const Stmt *up() {
    while (Next > 0) {
      const Stmt *P = Ancestors[--Next];
      if (isa<ParenExpr>(P) || isa<ExprWithCleanups>(P) || isa<ConstantExpr>(P)) {
        Child = P;
        continue;
      }
      Parent = P;
      return P;
    }
    Parent = nullptr;
    return nullptr;
  }
  // Make the current parent the child of the next step.
  void ascend() { Child = Parent; }
  const Stmt *child() const { return Child; }

private:
  llvm::ArrayRef<const Stmt *> Ancestors;
  size_t Next;
  const Stmt *Child;
  const Stmt *Parent = nullptr;
};

bool isConstPointee(QualType T) {
  if (T.isNull())
    return false;
  QualType Pointee = T->getPointeeType();
  return !Pointee.isNull() && Pointee.isConstQualified();
}

// The parameter that argument Child of Call binds to, or null.
const ParmVarDecl *parameterFor(const CallExpr &Call, const Stmt *Child,
                                bool &IsObject) {
  IsObject = false;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return nullptr;
  for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
    if (Call.getArg(I) != Child)
      continue;
    unsigned Index = I;
    if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) &&
        !cast<CXXMethodDecl>(Callee)->isStatic()) {
      if (I == 0) {
        IsObject = true;
        return nullptr;
      }
      Index = I - 1;
    }
    return Index < Callee->getNumParams() ? Callee->getParamDecl(Index) : nullptr;
  }
  return nullptr;
}

bool isConstLValueRef(QualType T) {
  return T->isLValueReferenceType() && T->getPointeeType().isConstQualified() &&
         !T->getPointeeType().isVolatileQualified();
}

bool pointerIntoObjectReadOnly(UseChain &Chain, Mode M);

// Does Construct keep a copy of Object, one of its arguments? A copy or
// move does; so may any type that could hold Object's value. A trivially
// copyable type built from an object that is not (a Slice or string_view
// of a std::string) only points into it.
bool keepsCopy(const CXXConstructExpr &Construct, const Expr &Object) {
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  const ASTContext &AST = Ctor->getASTContext();
  return Ctor->isCopyOrMoveConstructor() ||
         !Construct.getType().isTriviallyCopyableType(AST) ||
         Object.getType().isTriviallyCopyableType(AST);
}

// May a call keep what it is given by const reference: a non-const method
// of another object (push_back, an assignment, a setter)?
bool mayKeep(const CallExpr &Call) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  return Method && !Method->isStatic() && !Method->isConst();
}

// Chain.child() designates the object, or a part of it (a field, an
// element of an array field), as an lvalue. Is it only read from here?
bool objectReadOnly(UseChain &Chain, Mode M) {
  bool Whole = true; // the object itself, not one of its fields
  while (const Stmt *P = Chain.up()) {
    const Stmt *Child = Chain.child();
    if (const auto *Cast = dyn_cast<CastExpr>(P)) {
      switch (Cast->getCastKind()) {
      case CK_LValueToRValue:
      case CK_ToVoid:
        return true;
      case CK_NoOp:
      case CK_UncheckedDerivedToBase:
      case CK_DerivedToBase:
        if (!isa<ImplicitCastExpr>(Cast))
          return false; // const_cast, static_cast<T &&>: not worth following
        Chain.ascend();
        continue;
      case CK_ArrayToPointerDecay:
        Chain.ascend();
        return pointerIntoObjectReadOnly(Chain, M);
      default:
        return false;
      }
    }
    if (const auto *Member = dyn_cast<MemberExpr>(P)) {
      if (Member->getBase() != Child || Member->isArrow())
        return false;
      if (isa<FieldDecl>(Member->getMemberDecl())) {
        Whole = false;
        Chain.ascend();
        continue;
      }
      // A method call on the object: `this` is the object's address.
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      return Method && (Method->isStatic() || Method->isConst());
    }
    if (isa<UnaryExprOrTypeTraitExpr>(P))
      return true; // sizeof, alignof: not evaluated
    if (const auto *Unary = dyn_cast<UnaryOperator>(P)) {
      if (Unary->getOpcode() != UO_Extension)
        return false; // &, ++, --
      Chain.ascend();
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
      // A copy (or a converting constructor reading a const reference);
      // a move or a non-const reference may change the object.
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (M == Mode::Borrowed && Whole && keepsCopy(*Construct, *cast<Expr>(Child)))
        return false;
      for (unsigned I = 0; I < Construct->getNumArgs(); ++I)
        if (Construct->getArg(I) == Child)
          return I < Ctor->getNumParams() &&
                 isConstLValueRef(Ctor->getParamDecl(I)->getType()) &&
                 (readsValue(M) || Ctor->isCopyConstructor());
      return false;
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      bool IsObject;
      const ParmVarDecl *Param = parameterFor(*Call, Child, IsObject);
      if (IsObject) // a member operator: `this` is the object's address
        return cast<CXXMethodDecl>(Call->getDirectCallee())->isConst();
      if (M == Mode::Borrowed && Whole && mayKeep(*Call))
        return false;
      return readsValue(M) && Param && isConstLValueRef(Param->getType());
    }
    if (const auto *Decls = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (Var->getInit() == Child)
            return Var->getType()->isReferenceType()
                       ? readsValue(M) && isConstLValueRef(Var->getType())
                       : true;
      return false;
    }
    // `p.x;` as a statement reads nothing and writes nothing.
    return isa<CompoundStmt>(P);
  }
  return false; // a whole initialiser (`ref_(p)` binds a member reference)
}

// Chain.child() is a pointer into the object (an array field decayed).
bool pointerIntoObjectReadOnly(UseChain &Chain, Mode M) {
  while (const Stmt *P = Chain.up()) {
    const Stmt *Child = Chain.child();
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(P)) {
      if (Subscript->getBase() != Child)
        return false;
      Chain.ascend(); // an element of the array field
      return objectReadOnly(Chain, M);
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(P)) {
      if (Unary->getOpcode() != UO_Deref)
        return false;
      Chain.ascend();
      return objectReadOnly(Chain, M);
    }
    if (M == Mode::Pointee)
      return false;
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(P)) {
      if ((Cast->getCastKind() != CK_NoOp && Cast->getCastKind() != CK_BitCast) ||
          !isConstPointee(Cast->getType()))
        return false;
      Chain.ascend();
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      bool IsObject;
      const ParmVarDecl *Param = parameterFor(*Call, Child, IsObject);
      return Param && isConstPointee(Param->getType()) &&
             Param->getType()->isPointerType();
    }
    return false;
  }
  return false;
}

// A pointer parameter: its value is only used to reach the pointee.
bool pointerReadOnly(UseChain &Chain) {
  const Stmt *P = Chain.up();
  if (!P)
    return false; // a whole initialiser (`ptr_(p)` keeps the pointer)
  if (isa<UnaryExprOrTypeTraitExpr>(P))
    return true;
  const auto *Load = dyn_cast<ImplicitCastExpr>(P);
  if (!Load || Load->getCastKind() != CK_LValueToRValue)
    return false; // assigned, incremented, its address taken
  Chain.ascend();
  P = Chain.up();
  if (!P)
    return false;
  if (isa<UnaryExprOrTypeTraitExpr>(P))
    return true;
  if (const auto *Member = dyn_cast<MemberExpr>(P)) {
    if (!Member->isArrow() || Member->getBase() != Chain.child())
      return false;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl()))
      return Method->isStatic() || Method->isConst();
    if (!isa<FieldDecl>(Member->getMemberDecl()))
      return false;
    Chain.ascend();
    return objectReadOnly(Chain, Mode::Pointee);
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(P)) {
    if (Unary->getOpcode() != UO_Deref)
      return false;
    Chain.ascend();
    return objectReadOnly(Chain, Mode::Pointee);
  }
  return false; // compared, tested, stored, passed, returned, cast, offset
}

// Walks a body, judging each reference to Var with its ancestors at hand.
class ReferenceJudge {
public:
  ReferenceJudge(const VarDecl &Var, bool (*Judge)(UseChain &))
      : Var(Var), Judge(Judge) {}
  // Judge only the references for which Wanted says yes.
  ReferenceJudge(const VarDecl &Var, bool (*Judge)(UseChain &),
                 llvm::function_ref<bool(const DeclRefExpr &)> Wanted)
      : Var(Var), Judge(Judge), Wanted(Wanted) {}

  bool run(const Stmt *Body) {
    walk(Body);
    return Ok;
  }

private:
  void walk(const Stmt *S) {
    if (!S || !Ok)
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      if (Ref->getDecl() == &Var && (!Wanted || Wanted(*Ref))) {
        UseChain Chain(Ancestors, Ref);
        Ok = Closures == 0 && Judge(Chain);
      }
      return;
    }
    bool Closure = isa<LambdaExpr>(S) || isa<BlockExpr>(S);
    Closures += Closure;
    Ancestors.push_back(S);
    if (const auto *Block = dyn_cast<BlockExpr>(S))
      walk(Block->getBody());
    for (const Stmt *Child : S->children())
      walk(Child);
    Ancestors.pop_back();
    Closures -= Closure;
  }

  const VarDecl &Var;
  bool (*Judge)(UseChain &);
  llvm::function_ref<bool(const DeclRefExpr &)> Wanted;
  llvm::SmallVector<const Stmt *, 32> Ancestors;
  unsigned Closures = 0;
  bool Ok = true;
};

} // namespace

// The body, and a constructor's member and base initialisers, which are
// not part of it.
static bool judgeFunction(ReferenceJudge &Judge, const FunctionDecl &F) {
  if (!F.getBody())
    return false;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&F))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit() && !Judge.run(Init->getInit()))
        return false;
  return Judge.run(F.getBody());
}

bool isOnlyRead(const ParmVarDecl &P, const FunctionDecl &F) {
  ReferenceJudge Judge(P, [](UseChain &Chain) {
    return objectReadOnly(Chain, Mode::Value);
  });
  return judgeFunction(Judge, F);
}

bool isOnlyReadIn(const VarDecl &V, const Stmt &Scope,
                  llvm::function_ref<bool(const DeclRefExpr &)> Wanted) {
  ReferenceJudge Judge(
      V, [](UseChain &Chain) { return objectReadOnly(Chain, Mode::Value); }, Wanted);
  return Judge.run(&Scope);
}

bool isOnlyBorrowedIn(const VarDecl &V, const Stmt &Scope) {
  ReferenceJudge Judge(V, [](UseChain &Chain) { return objectReadOnly(Chain, Mode::Borrowed); });
  return Judge.run(&Scope);
}

bool onlyReadsPointee(const ParmVarDecl &P, const FunctionDecl &F) {
  bool IsReference = P.getType()->isReferenceType();
  ReferenceJudge Judge(P, IsReference ? +[](UseChain &Chain) {
    return objectReadOnly(Chain, Mode::Pointee);
  }
                                      : +[](UseChain &Chain) {
                                          return pointerReadOnly(Chain);
                                        });
  return judgeFunction(Judge, F);
}

} // namespace memrules
