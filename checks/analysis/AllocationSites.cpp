#include "AllocationSites.h"

#include "VarUses.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace memrules {

bool allocationOf(const Expr *E, const AllocatorModel &Model, Allocation &Out) {
  E = ignoreCastsAndCleanups(E);
  if (!E)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const AllocatorFamily *Family = Model.allocation(*Call);
    if (!Family)
      return false;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Family->Name == "libc" && Model.isNamedAllocator(Callee->getName()) &&
        !isLibcDeclaration(*Callee))
      return false;
    if (!Family->ReleasersKnown)
      return false; // no rule can tell whether it is released right
    Out.Site = Call;
    Out.Family = Family;
    Out.NeverNull = Model.neverNull(*Call);
    Out.Allocator = Callee->getName().str() + "()";
    return true;
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    const FunctionDecl *Op = New->getOperatorNew();
    if (!Op || !Op->isReplaceableGlobalAllocationFunction() ||
        New->getNumPlacementArgs() != 0 || New->isTypeDependent())
      return false;
    if (const CXXConstructExpr *Construct = New->getConstructExpr())
      for (const Expr *Arg : Construct->arguments()) {
        QualType T = Arg->getType();
        if (T->isPointerType() || isa<CXXThisExpr>(Arg->IgnoreParenImpCasts()))
          return false;
        if (Arg->isGLValue() && !T.isConstQualified() && !T->isScalarType())
          return false; // bound to a non-const reference, maybe
      }
    Out.Site = New;
    Out.NeverNull = true;
    Out.Allocator = New->isArray() ? "new[]" : "new";
    return true;
  }
  return false;
}

} // namespace memrules
