// See ContainerGrowth.h. Moved here from grow-in-loop, which reports what
// these recognise, so that the census counts the same growth sites.
#include "ContainerGrowth.h"

#include "LoopFacts.h"
#include "SourceText.h"
#include "StmtWalk.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace memrules {

bool callMayWrite(const VarUse &Use, ASTContext &AST) {
  if (!AST.getLangOpts().CPlusPlus)
    return false; // C passes by value
  const FunctionDecl *Callee = Use.Call->getDirectCallee();
  if (!Callee)
    return true;
  unsigned Index = Use.Argument;
  // A member operator's first argument is its object.
  if (isa<CXXOperatorCallExpr>(Use.Call) && isa<CXXMethodDecl>(Callee)) {
    if (Index == 0)
      return !cast<CXXMethodDecl>(Callee)->isConst();
    --Index;
  }
  if (Index >= Callee->getNumParams())
    return false; // variadic: by value
  // A forwarding reference (emplace_back(Args &&...)) passes the argument
  // on to a constructor; it is not an out-parameter.
  if (const FunctionDecl *Pattern = Callee->getTemplateInstantiationPattern())
    if (Pattern->getNumParams()) {
      unsigned Last = Pattern->getNumParams() - 1;
      QualType Written = Pattern->getParamDecl(Index < Last ? Index : Last)->getType();
      if (const auto *Pack = Written->getAs<PackExpansionType>())
        Written = Pack->getPattern();
      else if (Index > Last)
        return false;
      if (const auto *RRef = Written->getAs<RValueReferenceType>())
        if (RRef->getPointeeType()->isTemplateTypeParmType())
          return false;
    }
  QualType Param = Callee->getParamDecl(Index)->getType();
  return Param->isReferenceType() && !Param.getNonReferenceType().isConstQualified();
}

namespace {

// Does S (a loop body) leave its iteration early anywhere: break or
// continue of this loop, return, goto? Then a statement of the body does
// not run on every iteration.
bool leavesEarly(const Stmt *S, bool InNestedLoop, bool InSwitch) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S) || isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S))
    return true;
  if (isa<ContinueStmt>(S) && !InNestedLoop)
    return true;
  if (isa<BreakStmt>(S) && !InNestedLoop && !InSwitch)
    return true;
  if (isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return false;
  bool Nested = InNestedLoop || FunctionBody::loopBody(S) != nullptr;
  bool Switch = InSwitch || isa<SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (leavesEarly(Child, Nested, Switch))
      return true;
  return false;
}

} // namespace

bool isPlainLvalue(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (isa<DeclRefExpr>(E) || isa<CXXThisExpr>(E))
    return true;
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return isa<FieldDecl>(Member->getMemberDecl()) && isPlainLvalue(Member->getBase());
  return false;
}

bool keepsSize(const CXXMethodDecl *Method) {
  if (!Method)
    return false;
  if (Method->isConst())
    return true;
  if (Method->isOverloadedOperator())
    return Method->getOverloadedOperator() == OO_Subscript;
  if (!Method->getIdentifier())
    return false;
  StringRef Name = Method->getName();
  return Name == "at" || Name == "back" || Name == "front" || Name == "data" ||
         Name == "begin" || Name == "end" || Name == "size" || Name == "empty";
}

const Expr *objectOf(const Stmt *S) {
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(S))
    return Member->getImplicitObjectArgument();
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(S))
    return Op->getNumArgs() ? Op->getArg(0) : nullptr;
  return nullptr;
}

const Stmt *userOf(const DeclRefExpr *Ref, const FunctionBody &Body) {
  const Stmt *User = Body.parentIgnoringParenCasts(Ref);
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(User))
    User = Body.parentIgnoringParenCasts(Member);
  const Expr *Object = objectOf(User);
  return Object && Object->IgnoreParenImpCasts() == Ref ? User : nullptr;
}

const CXXMethodDecl *methodOf(const Stmt *S) {
  if (const auto *Call = dyn_cast_or_null<CallExpr>(S))
    return dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  return nullptr;
}

namespace {

// The trip count of a loop known before it starts, as source text for
// `reserve` ("" when known but not expressible), or false when unknown.
bool tripCount(const Stmt &Loop, const VarDecl &Grown, const FunctionBody &Body,
               ASTContext &AST, std::string &Count) {
  const SourceManager &SM = AST.getSourceManager();
  const LangOptions &LO = AST.getLangOpts();
  Count.clear();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
    const Expr *Init = Range->getRangeInit();
    if (!Init)
      return false;
    Init = Init->IgnoreParenImpCasts();
    QualType Type = Init->getType();
    if (Type.isNull())
      return false;
    if (const auto *Array = AST.getAsConstantArrayType(Type)) {
      Count = llvm::toString(Array->getSize(), 10, /*Signed=*/false);
      return true;
    }
    const CXXRecordDecl *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
    if (!Record || !Record->isInStdNamespace() || !Record->hasDefinition())
      return false;
    bool HasSize = false;
    for (const CXXMethodDecl *Method : Record->methods())
      HasSize |= Method->getIdentifier() && Method->getName() == "size" &&
                 Method->getNumParams() == 0;
    if (!HasSize)
      return false;
    bool OnGrown = false;
    forEachStmt(Init, [&](const Stmt *S) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
        OnGrown |= Ref->getDecl() == &Grown;
    });
    if (OnGrown)
      return false;
    std::string Text;
    if (isPlainLvalue(Init) && verbatim(Init->getSourceRange(), SM, LO, Text) &&
        Text.find('\n') == std::string::npos)
      Count = Text + ".size()";
    return true;
  }
  const auto *For = dyn_cast<ForStmt>(&Loop);
  if (!For || !For->getCond() || !For->getInc())
    return false;
  const auto *Cond = dyn_cast<BinaryOperator>(For->getCond()->IgnoreParenImpCasts());
  if (!Cond || (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_NE))
    return false;
  const auto *CounterRef = dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts());
  const auto *Counter = CounterRef ? dyn_cast<VarDecl>(CounterRef->getDecl()) : nullptr;
  if (!Counter || !Counter->hasLocalStorage() || Counter->getType()->isReferenceType() ||
      !Counter->getType()->isIntegerType())
    return false;
  // The increment: ++i, i++ or i += 1.
  const Expr *Inc = For->getInc()->IgnoreParenImpCasts();
  bool StepsByOne = false;
  if (const auto *Unary = dyn_cast<UnaryOperator>(Inc))
    StepsByOne = Unary->isIncrementOp() && refersTo(Unary->getSubExpr(), *Counter);
  else if (const auto *Compound = dyn_cast<CompoundAssignOperator>(Inc)) {
    Expr::EvalResult One;
    StepsByOne = Compound->getOpcode() == BO_AddAssign &&
                 refersTo(Compound->getLHS(), *Counter) &&
                 Compound->getRHS()->EvaluateAsInt(One, AST) && One.Val.getInt() == 1;
  }
  if (!StepsByOne)
    return false;
  // The start.
  const Expr *Start = nullptr;
  if (const auto *Decl = dyn_cast_or_null<DeclStmt>(For->getInit())) {
    if (Decl->isSingleDecl() && Decl->getSingleDecl() == Counter)
      Start = Counter->getInit();
  } else if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(For->getInit())) {
    if (Assign->getOpcode() == BO_Assign && refersTo(Assign->getLHS(), *Counter))
      Start = Assign->getRHS();
  }
  if (!Start)
    return false;
  // The counter changes only in the increment.
  for (const VarUse &Use : findUses(*Counter, *Body.function().getBody(), Body)) {
    if (Use.Kind == UseKind::AddressTaken)
      return false;
    if ((Use.Kind == UseKind::Assigned || Use.Kind == UseKind::Modified ||
         (Use.Kind == UseKind::PassedToCall && callMayWrite(Use, AST))) &&
        Body.isWithin(Use.Ref, For->getBody()))
      return false;
  }
  // The bound: invariant, or the size of a container the loop cannot resize.
  const Expr *Bound = Cond->getRHS()->IgnoreParenImpCasts();
  bool Invariant = isLoopInvariant(*Bound, Loop, Body);
  if (!Invariant) {
    const auto *SizeCall = dyn_cast<CXXMemberCallExpr>(Bound);
    const CXXMethodDecl *Method = SizeCall ? SizeCall->getMethodDecl() : nullptr;
    const auto *ObjRef = SizeCall ? dyn_cast<DeclRefExpr>(
                                        SizeCall->getImplicitObjectArgument()->IgnoreParenImpCasts())
                                  : nullptr;
    const auto *Obj = ObjRef ? dyn_cast<VarDecl>(ObjRef->getDecl()) : nullptr;
    if (!Method || !Method->getIdentifier() ||
        (Method->getName() != "size" && Method->getName() != "length") ||
        SizeCall->getNumArgs() != 0 || !Obj || Obj == &Grown)
      return false;
    if (!Obj->getType().getNonReferenceType().isConstQualified()) {
      if (!Obj->hasLocalStorage())
        return false;
      for (const VarUse &Use : findUses(*Obj, *For->getBody(), Body))
        if (!keepsSize(methodOf(userOf(Use.Ref, Body))))
          return false;
    }
  }
  Expr::EvalResult Zero;
  std::string Text;
  if (!Start->isValueDependent() && Start->EvaluateAsInt(Zero, AST) &&
      Zero.Val.getInt() == 0 && verbatim(Bound->getSourceRange(), SM, LO, Text) &&
      Text.find('\n') == std::string::npos && Text.find(',') == std::string::npos)
    Count = Text;
  return true;
}

} // namespace

Container containerKind(const CXXRecordDecl *Record, const mr_settings *Settings) {
  if (!Record)
    return Container::None;
  const CXXRecordDecl *Pattern = Record;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    Pattern = Spec->getSpecializedTemplate()->getTemplatedDecl();
  if (Pattern->isInStdNamespace() && Pattern->getIdentifier()) {
    StringRef Name = Pattern->getName();
    if (Name == "vector")
      return Container::Vector;
    if (Name == "basic_string")
      return Container::String;
    if (Name == "unordered_map" || Name == "unordered_set" ||
        Name == "unordered_multimap" || Name == "unordered_multiset")
      return Container::Unordered;
  }
  const mr_option_list *Listed =
      Settings ? Settings->list[MR_OPTION_GROW_IN_LOOP_VECTOR_LIKE_CLASSES] : nullptr;
  size_t Count = mr_option_list_count(Listed);
  if (Count == 0)
    return Container::None;
  std::string Qualified = Pattern->getQualifiedNameAsString();
  for (size_t I = 0; I < Count; ++I)
    if (Qualified == mr_option_list_name(Listed, I))
      return Container::Listed;
  return Container::None;
}

// The arguments after the object.
static std::vector<const Expr *> argumentsOf(const CallExpr &Call) {
  std::vector<const Expr *> Args;
  for (unsigned I = isa<CXXOperatorCallExpr>(Call) ? 1 : 0; I < Call.getNumArgs(); ++I)
    Args.push_back(Call.getArg(I));
  return Args;
}

static StringRef methodName(const CallExpr &Call) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  if (!Method)
    return "";
  if (Method->isOverloadedOperator())
    return Method->getOverloadedOperator() == OO_PlusEqual ? "operator+=" : "";
  return Method->getIdentifier() ? Method->getName() : "";
}

bool addsOneElement(Container Kind, const CallExpr &Call) {
  StringRef Name = methodName(Call);
  std::vector<const Expr *> Args = argumentsOf(Call);
  switch (Kind) {
  case Container::None:
    return false;
  case Container::Vector:
  case Container::Listed:
    return Name == "push_back" || Name == "emplace_back";
  case Container::String:
    // s.push_back(c), s += c: one character (s += str appends a variable
    // amount).
    return Name == "push_back" || (Name == "operator+=" && Args.size() == 1 &&
                                   Args[0]->getType()->isAnyCharacterType());
  case Container::Unordered: {
    // emplace(args...) and insert(value) add at most one element;
    // insert({a, b, c}) adds a list.
    const CXXRecordDecl *Arg =
        Args.size() == 1 ? Args[0]->getType()->getAsCXXRecordDecl() : nullptr;
    return Name == "emplace" ||
           (Name == "insert" && Args.size() == 1 &&
            !(Arg && Arg->getIdentifier() && Arg->getName() == "initializer_list"));
  }
  }
  return false;
}

bool addsElements(Container Kind, const CallExpr &Call) {
  if (addsOneElement(Kind, Call))
    return true;
  StringRef Name = methodName(Call);
  switch (Kind) {
  case Container::None:
    return false;
  case Container::String:
    return Name == "operator+=" || Name == "append" || Name == "insert";
  case Container::Vector:
  case Container::Unordered:
    return Name == "insert" || Name == "emplace";
  case Container::Listed:
    return false; // only push_back/emplace_back are known to grow it
  }
  return false;
}

const Stmt *predictableLoop(const CallExpr &Call, const VarDecl &Var,
                            const FunctionBody &Body, ASTContext &AST,
                            std::string &Count) {
  const Stmt *Loop = Body.innermostLoop(&Call);
  if (!Loop || (!isa<ForStmt>(Loop) && !isa<CXXForRangeStmt>(Loop)) ||
      runsAtMostOnce(*Loop, AST))
    return nullptr;
  // Declared before the loop, not in it.
  if (isDeclaredIn(Var, *Loop) ||
      !AST.getSourceManager().isBeforeInTranslationUnit(Var.getLocation(),
                                                        Loop->getBeginLoc()))
    return nullptr;
  // The call is a statement of the loop body, run on every iteration.
  const Stmt *LoopBody = FunctionBody::loopBody(Loop);
  const Stmt *Statement = &Call;
  while (Statement != LoopBody) {
    const Stmt *P = Body.parent(Statement);
    if (P == LoopBody && isa<CompoundStmt>(P))
      break;
    if (!P || (!isa<ExprWithCleanups>(P) && !isa<ParenExpr>(P) && !isa<CastExpr>(P)))
      return nullptr;
    Statement = P;
  }
  if (leavesEarly(LoopBody, false, false) || !tripCount(*Loop, Var, Body, AST, Count))
    return nullptr;
  return Loop;
}

bool growsOnlyByOne(const VarDecl &Var, const Stmt &Loop, Container Kind,
                    const FunctionBody &Body) {
  for (const DeclRefExpr *Ref : Body.references(Var)) {
    if (!Body.isWithin(Ref, &Loop))
      continue;
    const Stmt *User = userOf(Ref, Body);
    const auto *Call = dyn_cast_or_null<CallExpr>(User);
    const CXXMethodDecl *Method = methodOf(User);
    // reserve() changes the capacity, not the contents.
    bool Reserve = Method && Method->getIdentifier() && Method->getName() == "reserve";
    if (!Call || !(addsOneElement(Kind, *Call) || keepsSize(Method) || Reserve))
      return false;
  }
  return true;
}

} // namespace memrules
