// redundant-copy, C++ forms: a range-for variable copied by value, a
// by-value parameter, and a local copy of another local or of a const
// reference, each of an expensive type and only read.
#include "RedundantCopy.h"

#include "analysis/ReadOnlyUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

// The object a copy constructor copies, if Init (a variable's
// initialiser) is one: an lvalue of the variable's own type.
const Expr *copiedObject(const Expr *Init, QualType To) {
  if (!Init)
    return nullptr;
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  if (!Construct || Construct->getNumArgs() != 1 || !Construct->getConstructor() ||
      !Construct->getConstructor()->isCopyConstructor())
    return nullptr;
  const Expr *From = Construct->getArg(0)->IgnoreImplicit();
  if (!From->isLValue())
    return nullptr;
  ASTContext &AST = Construct->getConstructor()->getASTContext();
  return AST.hasSameUnqualifiedType(From->getType().getNonReferenceType(),
                                    To.getNonReferenceType())
             ? From
             : nullptr;
}

bool isConstReference(QualType T) {
  return T->isLValueReferenceType() && T.getNonReferenceType().isConstQualified();
}

// Type as the user wrote it, for messages: `std::string`, not the
// basic_string<char, ...> it stands for.
std::string spelled(const VarDecl &V) {
  PrintingPolicy Policy = V.getASTContext().getPrintingPolicy();
  Policy.SuppressTagKeyword = true;
  Policy.SuppressScope = false;
  return V.getType().getLocalUnqualifiedType().getAsString(Policy);
}

// Could Call change an object the caller can name: a non-const method, or
// a callee taking a non-const reference or pointer, or an unknown callee?
bool mayMutate(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return true;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    if (!Method->isStatic() && !Method->isConst())
      return true;
  for (const ParmVarDecl *P : Callee->parameters()) {
    QualType T = P->getType();
    if ((T->isReferenceType() || T->isPointerType()) &&
        !T->getPointeeType().isConstQualified())
      return true;
  }
  return Callee->isVariadic();
}

// Inside Region: a call that may change something, an assignment or
// increment of anything, or a delete.
class MutationFinder : public RecursiveASTVisitor<MutationFinder> {
public:
  MutationFinder(const SourceManager &SM, SourceRange Region) : SM(SM), Region(Region) {}
  bool VisitStmt(Stmt *S) {
    SourceLocation At = S->getBeginLoc();
    if (Found || SM.isBeforeInTranslationUnit(At, Region.getBegin()) ||
        SM.isBeforeInTranslationUnit(Region.getEnd(), At))
      return true;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      Found = mayMutate(*Call);
    else if (const auto *B = dyn_cast<BinaryOperator>(S))
      Found = B->isAssignmentOp();
    else if (const auto *U = dyn_cast<UnaryOperator>(S))
      Found = U->isIncrementDecrementOp();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
      Found = !Construct->getConstructor() ||
              Construct->getConstructor()->isMoveConstructor();
    else
      Found = isa<CXXDeleteExpr>(S);
    return true;
  }
  const SourceManager &SM;
  SourceRange Region;
  bool Found = false;
};

} // namespace

// From Copy's declaration to its last use, may anything be changed?
bool RedundantCopyCheck::noMutationAfter(const FunctionBody &Body, const VarDecl &Copy) {
  SourceLocation Last = Copy.getLocation();
  const SourceManager &SM = Ctx.AST.getSourceManager();
  for (const DeclRefExpr *Ref : Body.references(Copy))
    if (SM.isBeforeInTranslationUnit(Last, Ref->getEndLoc()))
      Last = Ref->getEndLoc();
  SourceLocation After = Copy.getInit()->getEndLoc();
  MutationFinder Finder(SM, SourceRange(After, Last));
  Finder.TraverseStmt(const_cast<Stmt *>(Body.function().getBody()));
  return !Finder.Found;
}

bool RedundantCopyCheck::walksEveryBody() const {
  // Local copies and range-for loops are announced by no identifier.
  return Ctx.AST.getLangOpts().CPlusPlus;
}

bool RedundantCopyCheck::asksAddressTaken() const {
  return Ctx.AST.getLangOpts().CPlusPlus;
}

bool RedundantCopyCheck::isExpensive(QualType T, SourceLocation Loc) {
  T = T.getNonReferenceType();
  if (T->isDependentType() || T->isIncompleteType() || !T->isRecordType())
    return false;
  if (!T.isTriviallyCopyableType(Ctx.AST))
    return true;
  uint64_t Bytes = Ctx.AST.getTypeSizeInChars(T).getQuantity();
  return Bytes > uint64_t(option(MR_OPTION_REDUNDANT_COPY_MAX_TRIVIAL_BYTES, Loc));
}

void RedundantCopyCheck::registerCxxMatchers(MatchFinder &Finder) {
  auto NotSystem = unless(isExpansionInSystemHeader());
  Finder.addMatcher(cxxForRangeStmt(NotSystem).bind("range"), this);
  Finder.addMatcher(
      varDecl(hasLocalStorage(), unless(parmVarDecl()), NotSystem,
              hasInitializer(ignoringImplicit(cxxConstructExpr(
                  hasDeclaration(cxxConstructorDecl(isCopyConstructor()))))))
          .bind("copy"),
      this);
}

void RedundantCopyCheck::runCxx(const MatchFinder::MatchResult &Result) {
  if (const auto *Loop = Result.Nodes.getNodeAs<CXXForRangeStmt>("range"))
    judgeRangeFor(*Loop);
  else if (const auto *Copy = Result.Nodes.getNodeAs<VarDecl>("copy"))
    judgeLocalCopy(*Copy);
}

// for (auto x : range) where x copies each element and is only read: the
// loop can bind a const reference instead.
void RedundantCopyCheck::judgeRangeFor(const CXXForRangeStmt &Loop) {
  const VarDecl *Var = Loop.getLoopVariable();
  SourceLocation Loc = Var ? Var->getLocation() : SourceLocation();
  if (!Var || isa<DecompositionDecl>(Var) || Loc.isMacroID() ||
      Var->getType()->isReferenceType() || !copiedObject(Var->getInit(), Var->getType()) ||
      !isExpensive(Var->getType(), Loc) || !wants(Loc))
    return;
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(Loop);
  if (!Body || !isOnlyReadIn(*Var, *Loop.getBody()))
    return;
  // A reference sees changes the copy would not: the range's own variables
  // must only be read in the loop (a temporary range has no other name).
  const Expr *Range = Loop.getRangeInit();
  if (!Range->isPRValue()) {
    bool UsesThis = false;
    std::vector<const VarDecl *> Roots = variablesIn(*Range, UsesThis);
    const auto *Method = dyn_cast<CXXMethodDecl>(&Body->function());
    if (UsesThis && !(Method && Method->isConst()))
      return;
    for (const VarDecl *Root : Roots)
      if (!Root->hasLocalStorage() || !isOnlyReadIn(*Root, *Loop.getBody()))
        return;
  }
  std::string Name = Var->getName().str();
  bool Auto = isa<AutoType>(Var->getType().getTypePtr()) ||
              Var->getType()->getContainedAutoType();
  std::string Better = std::string("const ") + (Auto ? "auto" : spelled(*Var)) + " &" + Name;
  Finding F = finding(Loc, "loop variable '" + Name + "' copies every '" + spelled(*Var) +
                               "' element although the loop only reads it; bind '" +
                               Better + "' instead");
  F.Notes.push_back({Range->getBeginLoc(), "the range it copies from"});
  SourceLocation Begin = Var->getBeginLoc();
  if (!Begin.isMacroID()) {
    if (!Var->getType().isLocalConstQualified())
      F.FixIts.push_back(FixItHint::CreateInsertion(Begin, "const "));
    F.FixIts.push_back(FixItHint::CreateInsertion(Loc, "&"));
  }
  F.Owner = &Body->function();
  F.InLoop = true;
  Ctx.Report.report(F);
}

// T copy = other; where other is a local or a const reference, and neither
// is changed while the copy is in use: the copy can be a const reference.
void RedundantCopyCheck::judgeLocalCopy(const VarDecl &Copy) {
  SourceLocation Loc = Copy.getLocation();
  if (Copy.isStaticLocal() || Copy.isCXXForRangeDecl() || isa<DecompositionDecl>(&Copy) ||
      Copy.getType()->isReferenceType() || Loc.isMacroID() || !Copy.getIdentifier())
    return;
  const Expr *From = copiedObject(Copy.getInit(), Copy.getType());
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(From))
    return judgeAccessorCopy(Copy, *Call);
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(From);
  const auto *Source = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Source || !Source->hasLocalStorage() || Source->getType().isVolatileQualified() ||
      !isExpensive(Copy.getType(), Loc) || !wants(Loc))
    return;
  bool Reference = Source->getType()->isReferenceType();
  if (Reference ? !isConstReference(Source->getType()) : isa<ParmVarDecl>(Source))
    return; // a by-value parameter is the parameter form's to judge
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(*From);
  if (!Body || !isOnlyReadIn(Copy, *Body->function().getBody()))
    return;
  // The source: a local only read after the copy (and never bound to a
  // non-const reference or pointer before it, which could change it
  // later); a const reference, whose object nobody in the function may
  // change through another name: then no call in it may change anything.
  if (!isOnlyReadIn(*Source, *Body->function().getBody()) ||
      (Reference && !noMutationAfter(*Body, Copy)))
    return;
  std::string Name = Copy.getName().str(), From_ = Source->getName().str();
  Finding F = finding(Loc, "'" + Name + "' copies '" + From_ + "' (a '" + spelled(Copy) +
                               "') although neither is changed afterwards; bind 'const " +
                               spelled(Copy) + " &" + Name + "' instead of copying");
  F.Notes.push_back({Source->getLocation(), "'" + From_ + "' is declared here"});
  F.Owner = &Body->function();
  F.InLoop = Body->innermostLoop(From) != nullptr;
  Ctx.Report.report(F);
}

// T copy = obj.get(); where get() returns a const reference into a named
// object (never a temporary, whose reference would dangle), and nothing
// may change while the copy is in use.
void RedundantCopyCheck::judgeAccessorCopy(const VarDecl &Copy, const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  const Expr *Object = Call.getImplicitObjectArgument();
  SourceLocation Loc = Copy.getLocation();
  if (!Method || !isConstReference(Method->getReturnType()) || !Object)
    return;
  Object = Object->IgnoreParenImpCasts();
  const auto *ObjectRef = dyn_cast<DeclRefExpr>(Object);
  if (!isa<CXXThisExpr>(Object) && !(ObjectRef && isa<VarDecl>(ObjectRef->getDecl())))
    return;
  for (const Expr *Arg : Call.arguments()) {
    const Expr *Plain = Arg->IgnoreParenImpCasts();
    if (Plain->getType()->isRecordType() && !isa<DeclRefExpr>(Plain))
      return; // a temporary argument may be what the reference points into
  }
  if (!isExpensive(Copy.getType(), Loc) || !wants(Loc))
    return;
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(Call);
  if (!Body || !isOnlyReadIn(Copy, *Body->function().getBody()) ||
      !noMutationAfter(*Body, Copy))
    return;
  std::string Name = Copy.getName().str(), Type = spelled(Copy);
  Finding F = finding(Loc, "'" + Name + "' copies the '" + Type + "' that '" +
                               Method->getNameAsString() +
                               "()' returns by const reference although nothing changes "
                               "while it is used; bind 'const " +
                               Type + " &" + Name + "' instead of copying");
  F.Owner = &Body->function();
  F.InLoop = Body->innermostLoop(&Call) != nullptr;
  Ctx.Report.report(F);
}

// By-value parameters of an expensive type that the function only reads:
// `const T &` spares the copy at every call.
void RedundantCopyCheck::onEndOfTranslationUnit() {
  if (ParametersJudged || !Ctx.AST.getLangOpts().CPlusPlus)
    return;
  ParametersJudged = true;
  forEachFunctionDefinition(Ctx.AST, [this](const FunctionDecl &F) { judgeParameters(F); });
}

void RedundantCopyCheck::judgeParameters(const FunctionDecl &F) {
  for (const ParmVarDecl *P : F.parameters()) {
    SourceLocation Loc = P->getLocation();
    QualType T = P->getType();
    if (T->isReferenceType() || !P->getIdentifier() || !P->isReferenced() ||
        P->isInvalidDecl() || Loc.isMacroID() || !isExpensive(T, Loc))
      continue;
    // Large trivially copyable records are large-by-value's when it runs.
    if (T.isTriviallyCopyableType(Ctx.AST) && Ctx.Report.wants(MR_RULE_LARGE_BY_VALUE, Loc) &&
        Ctx.AST.getTypeSizeInChars(T).getQuantity() >
            Ctx.Report.option(MR_OPTION_LARGE_BY_VALUE_MAX_BYTES, Loc))
      continue;
    if (!wants(Loc) || !signatureIsOwn(F) || isa<CoroutineBodyStmt>(F.getBody()) ||
        !isOnlyRead(*P, F) || AddressTaken.contains(F, Ctx.Plan))
      continue;
    std::string Name = P->getName().str(), Type = spelled(*P);
    Finding Found = finding(Loc, "parameter '" + Name + "' copies its '" + Type +
                                     "' argument on every call although the function "
                                     "only reads it; take 'const " +
                                     Type + " &" + Name + "' instead");
    Found.Owner = &F;
    Ctx.Report.report(Found);
  }
}

} // namespace memrules
