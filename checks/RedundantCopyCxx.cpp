// redundant-copy, C++ forms: a range-for variable copied by value, a
// by-value parameter, and a local copy of another local or of a const
// reference, each of an expensive type and only read.
#include "RedundantCopy.h"

#include "analysis/ReadOnlyUses.h"
#include "analysis/StateChanges.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

#include <optional>

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

// Where a local copy comes from, and what must hold while it is in use.
struct CopySource {
  std::string What;      // for the message: "'items' (a 'T')"
  std::string Unchanged; // "neither is changed afterwards"
  const NamedDecl *Declaration = nullptr; // the source's, for a note
  // A local object the copy reads: nothing may change it in the function.
  const VarDecl *Local = nullptr;
  // Otherwise (or also): nothing that reaches it as Reaches says may run
  // while the copy is in use.
  bool Changeable = false;
  Reach Reaches = Reach::Named;
  std::vector<const VarDecl *> Roots;
};

// The object a member or a method is reached through: `this`, a local, a
// reference, a pointer (Arrow). Who can change it: a non-const method's
// `this`, a non-const reference or pointer are reached from anywhere; a
// local object only through its name. Globals, temporaries and by-value
// parameters (judged as parameters) are not taken.
bool objectReach(const Expr &Object, bool Arrow, const FunctionBody &Body, CopySource &Source) {
  if (isa<CXXThisExpr>(Object)) {
    const auto *Method = dyn_cast<CXXMethodDecl>(&Body.function());
    Source.Reaches = Method && Method->isConst() ? Reach::Named : Reach::Anywhere;
    return true;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(&Object);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || Var->getType().isVolatileQualified())
    return false;
  Source.Roots = {Var};
  QualType T = Var->getType();
  if (Arrow || T->isReferenceType()) {
    if (Arrow && !T->isPointerType())
      return false;
    Source.Reaches =
        T->getPointeeType().isConstQualified() ? Reach::Named : Reach::Anywhere;
    return true;
  }
  if (isa<ParmVarDecl>(Var))
    return false;
  Source.Local = Var;
  return true;
}

// `copy = other` of a local or a `const` reference.
std::optional<CopySource> fromVariable(const DeclRefExpr &Ref, const FunctionBody &Body,
                                       const std::string &Type) {
  CopySource Source;
  if (!objectReach(Ref, /*Arrow=*/false, Body, Source) || Source.Reaches != Reach::Named)
    return std::nullopt;
  const auto &Var = *cast<VarDecl>(Ref.getDecl());
  Source.What = "'" + Var.getName().str() + "' (a '" + Type + "')";
  Source.Unchanged = "neither is changed afterwards";
  Source.Declaration = &Var;
  // The variable is only read; a const reference's object may also change
  // under another name.
  Source.Changeable = !Source.Local;
  Source.Local = &Var;
  return Source;
}

// `copy = value_`, `this->value_`, `other.field`, `p->field`, or a field
// of a field of these; not a mutable one, which a const method may change.
std::optional<CopySource> fromMember(const MemberExpr &Member, const FunctionBody &Body,
                                     const std::string &Type, const std::string &Name) {
  const auto *Field = dyn_cast<FieldDecl>(Member.getMemberDecl());
  const MemberExpr *Outer = &Member;
  while (true) {
    const auto *Part = dyn_cast<FieldDecl>(Outer->getMemberDecl());
    if (!Part || Part->isMutable() || Part->getType().isVolatileQualified())
      return std::nullopt;
    const auto *Inner = dyn_cast<MemberExpr>(Outer->getBase()->IgnoreParenImpCasts());
    if (Outer->isArrow() || !Inner)
      break;
    Outer = Inner;
  }
  CopySource Source;
  if (!objectReach(*Outer->getBase()->IgnoreParenImpCasts(), Outer->isArrow(), Body, Source))
    return std::nullopt;
  Source.What = "the member '" + Field->getName().str() + "' (a '" + Type + "')";
  Source.Unchanged = "neither is changed while '" + Name + "' is in use";
  Source.Declaration = Field;
  Source.Changeable = !Source.Local;
  return Source;
}

// `copy = obj.get()` or `copy = lookup(key)`, where the callee returns a
// `const` reference: into the object (a method of a named object, never a
// temporary, whose reference would dangle), or, for a free function, into
// state anyone may change. No temporary record argument either: the
// reference may point into it.
std::optional<CopySource> fromReturnedReference(const CallExpr &Call, const FunctionBody &Body,
                                                const std::string &Type) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(Call) || !isConstReference(Callee->getReturnType()))
    return std::nullopt;
  for (const Expr *Arg : Call.arguments()) {
    const Expr *Plain = Arg->IgnoreParenImpCasts();
    if (Plain->getType()->isRecordType() && !isa<DeclRefExpr>(Plain))
      return std::nullopt;
  }
  CopySource Source;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const auto *Access = dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
    const Expr *Object = Member->getImplicitObjectArgument();
    if (!Access || !Object ||
        !objectReach(*Object->IgnoreParenImpCasts(), Access->isArrow(), Body, Source))
      return std::nullopt;
  } else if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee); Method && !Method->isStatic()) {
    return std::nullopt;
  } else {
    Source.Reaches = Reach::Anywhere;
    bool UsesThis = false;
    Source.Roots = variablesIn(Call, UsesThis);
  }
  Source.What = "the '" + Type + "' that '" + Callee->getNameAsString() +
                "()' returns by const reference";
  Source.Unchanged = "nothing changes while it is used";
  Source.Changeable = true;
  return Source;
}

std::optional<CopySource> copySource(const Expr &From, const FunctionBody &Body,
                                     const std::string &Type, const std::string &Name) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(&From))
    return fromVariable(*Ref, Body, Type);
  if (const auto *Member = dyn_cast<MemberExpr>(&From))
    return fromMember(*Member, Body, Type, Name);
  if (const auto *Call = dyn_cast<CallExpr>(&From))
    return fromReturnedReference(*Call, Body, Type);
  return std::nullopt;
}

} // namespace

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
  Finder.addMatcher(cxxMemberCallExpr(NotSystem,
                                      callee(cxxMethodDecl(hasAnyName(
                                          "find", "count", "contains", "lower_bound",
                                          "upper_bound", "equal_range"))))
                        .bind("lookup"),
                    this);
}

void RedundantCopyCheck::runCxx(const MatchFinder::MatchResult &Result) {
  if (const auto *Loop = Result.Nodes.getNodeAs<CXXForRangeStmt>("range"))
    judgeRangeFor(*Loop);
  else if (const auto *Copy = Result.Nodes.getNodeAs<VarDecl>("copy"))
    judgeLocalCopy(*Copy);
  else if (const auto *Lookup = Result.Nodes.getNodeAs<CXXMemberCallExpr>("lookup"))
    judgeLookup(*Lookup);
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

// T copy = source; that neither side changes while the copy is in use:
// the copy can be a `const T &`.
void RedundantCopyCheck::judgeLocalCopy(const VarDecl &Copy) {
  SourceLocation Loc = Copy.getLocation();
  if (Copy.isStaticLocal() || Copy.isCXXForRangeDecl() || isa<DecompositionDecl>(&Copy) ||
      Copy.getType()->isReferenceType() || Loc.isMacroID() || !Copy.getIdentifier())
    return;
  const Expr *From = copiedObject(Copy.getInit(), Copy.getType());
  if (!From || !isExpensive(Copy.getType(), Loc) || !wants(Loc))
    return;
  std::string Name = Copy.getName().str(), Type = spelled(Copy);
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(*From);
  std::optional<CopySource> Source =
      Body ? copySource(*From, *Body, Type, Name) : std::nullopt;
  if (!Source)
    return;
  const Stmt &Code = *Body->function().getBody();
  if (!isOnlyBorrowedIn(Copy, Code) || (Source->Local && !isOnlyReadIn(*Source->Local, Code)) ||
      (Source->Changeable && mayChangeWhileInUse(*Body, Copy, Source->Reaches, Source->Roots)))
    return;
  Finding F = finding(Loc, "'" + Name + "' copies " + Source->What + " although " +
                               Source->Unchanged + "; bind 'const " + Type + " &" + Name +
                               "' instead of copying");
  if (Source->Declaration)
    F.Notes.push_back({Source->Declaration->getLocation(),
                       "'" + Source->Declaration->getNameAsString() + "' is declared here"});
  F.Owner = &Body->function();
  F.InLoop = Body->innermostLoop(From) != nullptr;
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
