#include "ReadOnlyUses.h"

#include "Allocators.h"
#include "FunctionIndex.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace memrules {
namespace {

bool lvalueReadOnly(const Expr *E, const FunctionBody &Body);
bool valueReadOnly(const Expr *E, const FunctionBody &Body);

// The parent of E, with E moved up past parentheses.
const Stmt *parentOf(const Expr *&E, const FunctionBody &Body) {
  const Stmt *P = Body.parent(E);
  while (const auto *Paren = dyn_cast_or_null<ParenExpr>(P)) {
    E = Paren;
    P = Body.parent(P);
  }
  return P;
}

bool pointsToConst(QualType T) {
  if (const auto *Ptr = T->getAs<PointerType>())
    return Ptr->getPointeeType().isConstQualified();
  return T->isReferenceType() && T.getNonReferenceType().isConstQualified();
}

// The parameter type argument Arg of Call binds to, or null for a variadic
// argument (IsVariadic set) or an unknown callee.
QualType parameterType(const CallExpr &Call, const Expr *Arg, bool &IsVariadic,
                       unsigned &Index) {
  IsVariadic = false;
  const FunctionProtoType *Proto = nullptr;
  if (const FunctionDecl *Callee = Call.getDirectCallee())
    Proto = Callee->getType()->getAs<FunctionProtoType>();
  else if (const auto *Ptr = Call.getCallee()->getType()->getAs<PointerType>())
    Proto = Ptr->getPointeeType()->getAs<FunctionProtoType>();
  if (!Proto)
    return QualType();
  for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
    if (Call.getArg(I) != Arg)
      continue;
    Index = I;
    if (isa<CXXOperatorCallExpr>(Call) && isa_and_nonnull<CXXMethodDecl>(Call.getDirectCallee()))
      return QualType(); // the object of a member operator: not judged
    if (I < Proto->getNumParams())
      return Proto->getParamType(I);
    IsVariadic = Proto->isVariadic();
    return QualType();
  }
  return QualType();
}

// A pointer value (or a scalar) passed as an argument: read-only when the
// parameter points to const (then the result, if it may point back into
// the memory, is judged in turn) or when a printf-like function reads it
// as a variadic argument.
bool argumentReadOnly(const CallExpr &Call, const Expr *Arg, const FunctionBody &Body) {
  bool IsVariadic;
  unsigned Index = 0;
  QualType Param = parameterType(Call, Arg, IsVariadic, Index);
  if (IsVariadic) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee)
      return false;
    for (const auto *Format : Callee->specific_attrs<FormatAttr>())
      if (Format->getFirstArg() > 0 && Index + 1 >= unsigned(Format->getFirstArg()))
        return true;
    return false;
  }
  if (Param.isNull() || !pointsToConst(Param))
    return false;
  // strchr(q, c) takes const and hands back a pointer into q.
  QualType Result = Call.getType();
  if (Result->isPointerType() && !pointsToConst(Result))
    return valueReadOnly(&Call, Body);
  return true;
}

// E designates memory reached through the variable (or the variable
// itself): only read from here?
bool lvalueReadOnly(const Expr *E, const FunctionBody &Body) {
  const Stmt *P = parentOf(E, Body);
  if (!P)
    return false;
  if (isa<UnaryExprOrTypeTraitExpr>(P))
    return true; // sizeof: not evaluated
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(P)) {
    switch (Cast->getCastKind()) {
    case CK_LValueToRValue:
    case CK_ArrayToPointerDecay:
      return valueReadOnly(Cast, Body);
    case CK_NoOp:
      return lvalueReadOnly(Cast, Body);
    default:
      return false;
    }
  }
  if (const auto *Member = dyn_cast<MemberExpr>(P))
    return !Member->isArrow() && Member->getBase() == E &&
           isa<FieldDecl>(Member->getMemberDecl()) && lvalueReadOnly(Member, Body);
  if (const auto *Call = dyn_cast<CallExpr>(P)) {
    bool IsVariadic;
    unsigned Index;
    QualType Param = parameterType(*Call, E, IsVariadic, Index);
    return !Param.isNull() && Param->isLValueReferenceType() && pointsToConst(Param);
  }
  return false; // assigned, incremented, its address taken, ...
}

// E is a value read from the variable or its memory. A scalar is a copy
// that cannot reach back; a pointer may, so its uses are followed.
bool valueReadOnly(const Expr *E, const FunctionBody &Body) {
  if (!E->getType()->isPointerType())
    return true;
  const Stmt *P = parentOf(E, Body);
  if (!P)
    return false;
  if (const auto *Cast = dyn_cast<CastExpr>(P)) {
    switch (Cast->getCastKind()) {
    case CK_PointerToBoolean:
    case CK_PointerToIntegral:
    case CK_ToVoid:
      return true;
    case CK_NoOp:
    case CK_BitCast:
      // Explicit casts only to a pointer to const (which hides nothing).
      if (!isa<ImplicitCastExpr>(Cast) && !pointsToConst(Cast->getType()))
        return false;
      return valueReadOnly(Cast, Body);
    default:
      return false;
    }
  }
  if (const auto *B = dyn_cast<BinaryOperator>(P)) {
    if (B->isComparisonOp() || B->isLogicalOp())
      return true;
    if (B->getOpcode() == BO_Comma)
      return B->getLHS() == E || valueReadOnly(B, Body);
    if (B->isAdditiveOp())
      return valueReadOnly(B, Body); // q + n points into the same memory
    return false; // stored, subtracted from in place, ...
  }
  if (const auto *U = dyn_cast<UnaryOperator>(P)) {
    if (U->getOpcode() == UO_LNot)
      return true;
    if (U->getOpcode() == UO_Deref)
      return lvalueReadOnly(U, Body);
    return false;
  }
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(P))
    return Subscript->getBase() == E && lvalueReadOnly(Subscript, Body);
  if (const auto *Member = dyn_cast<MemberExpr>(P)) {
    if (!Member->isArrow() || Member->getBase() != E)
      return false;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl()))
      return Method->isConst();
    return isa<FieldDecl>(Member->getMemberDecl()) && lvalueReadOnly(Member, Body);
  }
  if (const auto *Choice = dyn_cast<ConditionalOperator>(P))
    return Choice->getCond() == E || valueReadOnly(Choice, Body);
  if (const auto *If = dyn_cast<IfStmt>(P))
    return If->getCond() == E;
  if (const auto *While = dyn_cast<WhileStmt>(P))
    return While->getCond() == E;
  if (const auto *Do = dyn_cast<DoStmt>(P))
    return Do->getCond() == E;
  if (const auto *For = dyn_cast<ForStmt>(P))
    return For->getCond() == E;
  if (const auto *Call = dyn_cast<CallExpr>(P))
    return argumentReadOnly(*Call, E, Body);
  return false; // stored, returned, initialises another variable, ...
}

} // namespace

bool onlyReads(const DeclRefExpr &Ref, const FunctionBody &Body) {
  if (Ref.refersToEnclosingVariableOrCapture())
    return false; // a lambda or block: when it runs is not known
  return lvalueReadOnly(&Ref, Body);
}

namespace {
class VariableCollector : public RecursiveASTVisitor<VariableCollector> {
public:
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      Vars.push_back(Var);
    return true;
  }
  bool VisitCXXThisExpr(CXXThisExpr *) {
    UsesThis = true;
    return true;
  }
  std::vector<const VarDecl *> Vars;
  bool UsesThis = false;
};
} // namespace

std::vector<const VarDecl *> variablesIn(const Stmt &S, bool &UsesThis) {
  VariableCollector Collector;
  Collector.TraverseStmt(const_cast<Stmt *>(&S));
  UsesThis = UsesThis || Collector.UsesThis;
  return Collector.Vars;
}

bool reusesStaticBuffer(const FunctionDecl &F) {
  static const llvm::StringSet<> Names = {
      "ctime",      "asctime",     "gmtime",      "localtime",  "strtok",
      "getenv",     "secure_getenv", "setenv",    "unsetenv",   "putenv",
      "clearenv",   "strerror",    "strsignal",   "inet_ntoa",  "readdir",
      "getpwnam",   "getpwuid",    "getpwent",    "getgrnam",   "getgrgid",
      "getgrent",   "gethostbyname", "gethostbyaddr", "getservbyname",
      "ttyname",    "tmpnam",      "nl_langinfo", "setlocale",  "localeconv",
      "getlogin",   "basename",    "dirname",     "ptsname",    "ecvt",
      "fcvt",       "dlerror",     "gai_strerror", "hstrerror", "crypt",
      "getpass",    "ctermid",     "cuserid",     "l64a",       "ether_ntoa"};
  return F.getIdentifier() && Names.count(F.getName()) && isLibcDeclaration(F);
}

} // namespace memrules
