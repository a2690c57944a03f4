// grow-in-loop. Bottom-up like the other checks: the matchers fire on a
// call by name (a realloc-family grow function; push_back, emplace_back,
// insert, emplace), and only then is the enclosing function's body looked
// at, through the FunctionIndex.
//
// C: the size given to the grow call must be linear in variables that the
// loop advances only by positive constants (n++, n += 4, n = n + 1) and
// otherwise loop-invariant. A variable written any other way (cap *= 2,
// len += nread, cap = n * 2) makes the growth geometric or variable, and
// the check is silent.
//
// C++: the container must be a local declared empty before the loop and
// untouched until it, the loop a range-for over a sized range or a counted
// for with an invariant bound, the growing call a statement of the loop
// body that runs on every iteration.
#include "GrowInLoop.h"

#include "analysis/ContainerGrowth.h"
#include "analysis/LoopFacts.h"
#include "analysis/SourceText.h"
#include "analysis/StmtWalk.h"
#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

const Expr *strip(const Expr *E) { return E ? E->IgnoreParenCasts() : nullptr; }

bool positiveConstant(const Expr *E, ASTContext &AST) {
  Expr::EvalResult Value;
  return E && !E->isValueDependent() && E->EvaluateAsInt(Value, AST) &&
         Value.Val.getInt().isStrictlyPositive();
}

// The innermost loop S runs in on every iteration, skipping loops that run
// at most once (a macro's do { } while (0)).
const Stmt *repeatingLoop(const Stmt *S, const FunctionBody &Body, ASTContext &AST) {
  const Stmt *Loop = Body.innermostLoop(S);
  while (Loop && runsAtMostOnce(*Loop, AST))
    Loop = Body.innermostLoop(Loop);
  return Loop;
}

// Is the write through Use a step by a positive constant: ++v, v++, v += K,
// v = v + K, v = K + v?
bool isConstantStep(const VarUse &Use, const VarDecl &Var,
                    const FunctionBody &Body, ASTContext &AST) {
  const Stmt *P = Body.parentIgnoringParenCasts(Use.Ref);
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(P))
    return Unary->isIncrementOp();
  if (const auto *Compound = dyn_cast_or_null<CompoundAssignOperator>(P))
    return Compound->getOpcode() == BO_AddAssign &&
           positiveConstant(Compound->getRHS(), AST);
  const auto *Assign = dyn_cast_or_null<BinaryOperator>(P);
  if (!Assign || Assign->getOpcode() != BO_Assign)
    return false;
  const auto *Sum = dyn_cast<BinaryOperator>(strip(Assign->getRHS()));
  if (!Sum || Sum->getOpcode() != BO_Add)
    return false;
  return (refersTo(Sum->getLHS(), Var) && positiveConstant(Sum->getRHS(), AST)) ||
         (refersTo(Sum->getRHS(), Var) && positiveConstant(Sum->getLHS(), AST));
}

// The first statement advancing Var by a constant in Loop, when every write
// to Var in Loop is such a step made on Loop's own iterations (not inside a
// nested loop, which would advance it by that loop's trip count), and
// nothing else can write it. Null otherwise.
const Stmt *constantAdvance(const VarDecl &Var, const Stmt &Loop,
                            const FunctionBody &Body, ASTContext &AST) {
  QualType Type = Var.getType();
  if (!Var.hasLocalStorage() || Type->isReferenceType() ||
      !Type->isIntegerType() || Type.isVolatileQualified() ||
      isDeclaredIn(Var, Loop))
    return nullptr;
  const Stmt *Whole = Body.function().getBody();
  for (const VarUse &Use : findUses(Var, *Whole, Body))
    if (Use.Kind == UseKind::AddressTaken)
      return nullptr;
  if (AST.getLangOpts().CPlusPlus && containsClosure(Whole))
    return nullptr; // a lambda capturing it by reference may write it
  const Stmt *First = nullptr;
  for (const VarUse &Use : findUses(Var, Loop, Body)) {
    switch (Use.Kind) {
    case UseKind::Assigned:
    case UseKind::Modified: {
      // A write on a branch that leaves the loop (`n = 0; break;`) does not
      // reach the next growth.
      if (isOnBailOutBranch(*Use.Ref, Loop, Body))
        break;
      if (!isConstantStep(Use, Var, Body, AST) ||
          repeatingLoop(Use.Ref, Body, AST) != &Loop)
        return nullptr;
      if (!First)
        First = Body.parentIgnoringParenCasts(Use.Ref);
      break;
    }
    case UseKind::PassedToCall:
      if (callMayWrite(Use, AST))
        return nullptr;
      break;
    default:
      break;
    }
  }
  return First;
}

// Is the grow call under a condition (inside Loop) that reads a local the
// loop writes other than by constant steps? `if (n == cap) { cap = ...; }`
// is a capacity check: the growth happens only when the capacity runs out,
// whatever the size expression says, so the check stays silent.
bool guardedByCapacity(const CallExpr &Call, const Stmt &Loop,
                       const FunctionBody &Body, ASTContext &AST) {
  const Stmt *Child = &Call;
  for (const Stmt *P = Body.parent(Child); P && P != &Loop;
       Child = P, P = Body.parent(P)) {
    const Expr *Cond = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(P))
      Cond = Child != If->getCond() ? If->getCond() : nullptr;
    else if (const auto *Choice = dyn_cast<ConditionalOperator>(P))
      Cond = Child != Choice->getCond() ? Choice->getCond() : nullptr;
    else if (const auto *Logic = dyn_cast<BinaryOperator>(P))
      Cond = Logic->isLogicalOp() && Child == Logic->getRHS() ? Logic->getLHS() : nullptr;
    bool Capacity = false;
    forEachStmt(Cond, [&](const Stmt *S) {
      const auto *Ref = dyn_cast<DeclRefExpr>(S);
      const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      if (Capacity || !Var || !Var->hasLocalStorage() ||
          isDeclaredIn(*Var, Loop))
        return;
      for (const VarUse &Use : findUses(*Var, Loop, Body))
        if ((Use.Kind == UseKind::Assigned || Use.Kind == UseKind::Modified) &&
            !isConstantStep(Use, *Var, Body, AST) &&
            !isOnBailOutBranch(*Use.Ref, Loop, Body))
          Capacity = true;
    });
    if (Capacity)
      return true;
  }
  return false;
}

// How a size expression changes from one iteration of a loop to the next.
enum class Step { Invariant, Linear, Other };

struct Advance {
  const VarDecl *Var = nullptr;
  const Stmt *Where = nullptr;
};

Step classify(const Expr *E, const Stmt &Loop, const FunctionBody &Body,
              ASTContext &AST, Advance &Found) {
  E = strip(E);
  if (!E || E->isValueDependent())
    return Step::Other;
  if (isLoopInvariant(*E, Loop, Body))
    return Step::Invariant;
  const DeclRefExpr *Ref = dyn_cast<DeclRefExpr>(E);
  // `++n * size`, `(n += 16)`: the step is taken in the size itself.
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    if (Unary->isIncrementOp())
      Ref = dyn_cast<DeclRefExpr>(strip(Unary->getSubExpr()));
  if (const auto *Compound = dyn_cast<CompoundAssignOperator>(E))
    if (Compound->getOpcode() == BO_AddAssign)
      Ref = dyn_cast<DeclRefExpr>(strip(Compound->getLHS()));
  if (Ref) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    const Stmt *Where = Var ? constantAdvance(*Var, Loop, Body, AST) : nullptr;
    if (!Where)
      return Step::Other;
    if (!Found.Var) {
      Found.Var = Var;
      Found.Where = Where;
    }
    return Step::Linear;
  }
  const auto *Binary = dyn_cast<BinaryOperator>(E);
  if (!Binary)
    return Step::Other;
  BinaryOperatorKind Op = Binary->getOpcode();
  if (Op != BO_Add && Op != BO_Sub && Op != BO_Mul && Op != BO_Shl)
    return Step::Other;
  Step L = classify(Binary->getLHS(), Loop, Body, AST, Found);
  if (L == Step::Other)
    return Step::Other;
  Step R = classify(Binary->getRHS(), Loop, Body, AST, Found);
  if (R == Step::Other)
    return Step::Other;
  if (L == Step::Invariant && R == Step::Invariant)
    return Step::Invariant;
  if (Op == BO_Add)
    return Step::Linear;
  // n - k, n * k, k * n, n << k stay linear; k - n shrinks, n * m and
  // k << n do not grow by a constant step.
  if (R == Step::Invariant)
    return Step::Linear;
  return Op == BO_Mul && L == Step::Invariant ? Step::Linear : Step::Other;
}

std::string textOf(const Expr *E, ASTContext &AST) {
  const SourceManager &SM = AST.getSourceManager();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, AST.getLangOpts());
  if (Range.isInvalid())
    return "";
  std::string Text = Lexer::getSourceText(Range, SM, AST.getLangOpts()).str();
  if (Text.size() > 60 || Text.find('\n') != std::string::npos)
    return "";
  return Text;
}

} // namespace

std::vector<std::string> GrowInLoopCheck::triggers() const {
  std::vector<std::string> Names = Ctx.Allocators.growNames();
  if (Ctx.AST.getLangOpts().CPlusPlus)
    // `s += c` has no identifier of its own; the string it grows is a
    // local declared in the body, with its type spelled there.
    for (const char *Name : {"push_back", "emplace_back", "insert", "emplace",
                             "string", "wstring", "u8string", "u16string",
                             "u32string", "basic_string"})
      Names.push_back(Name);
  return Names;
}

void GrowInLoopCheck::registerMatchers(MatchFinder &Finder) {
  std::vector<std::string> Names = Ctx.Allocators.growNames();
  std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  Finder.addMatcher(callExpr(callee(functionDecl(hasAnyName(NameRefs))),
                             unless(isExpansionInSystemHeader()))
                        .bind("grow"),
                    this);
  if (!Ctx.AST.getLangOpts().CPlusPlus)
    return;
  Finder.addMatcher(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName("push_back", "emplace_back",
                                                        "insert", "emplace"))),
                        unless(isExpansionInSystemHeader()))
          .bind("member"),
      this);
  Finder.addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("+="),
                                        unless(isExpansionInSystemHeader()))
                        .bind("member"),
                    this);
}

void GrowInLoopCheck::run(const MatchFinder::MatchResult &Result) {
  if (const auto *Member = Result.Nodes.getNodeAs<CallExpr>("member"))
    checkContainerGrowth(*Member);
  else if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("grow"))
    checkGrowCall(*Call);
}

void GrowInLoopCheck::checkGrowCall(const CallExpr &Call) {
  if (!Ctx.Allocators.isGrow(Call) || !wants(Call.getBeginLoc()))
    return;
  // A call written by a system header's macro is not the user's text.
  const SourceManager &SM = Ctx.AST.getSourceManager();
  if (SM.isInSystemHeader(SM.getSpellingLoc(Call.getBeginLoc())))
    return;
  // (Null in a template instantiation: its pattern is checked instead.)
  const FunctionBody *BodyOrNull = Ctx.Functions.bodyAround(Call);
  if (!BodyOrNull)
    return;
  const FunctionBody &Body = *BodyOrNull;
  const FunctionDecl *Function = &Body.function();
  const Stmt *Inner = Body.innermostLoop(&Call);
  if (!Inner)
    return;

  // Which argument is the block being grown: the one the result is stored
  // back into (`p = realloc(p, n)`), directly or through a temporary
  // (`T *t = realloc(p, n); ... p = t;` in the same loop).
  const Expr *Target = nullptr;
  const VarDecl *Temp = nullptr;
  const Stmt *Parent = Body.parentIgnoringParenCasts(&Call);
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent)) {
    if (Assign->getOpcode() == BO_Assign && strip(Assign->getRHS()) == &Call) {
      Target = Assign->getLHS();
      const auto *Ref = dyn_cast<DeclRefExpr>(strip(Target));
      Temp = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    }
  } else if (const auto *Decl = dyn_cast_or_null<DeclStmt>(Parent)) {
    if (Decl->isSingleDecl())
      Temp = dyn_cast<VarDecl>(Decl->getSingleDecl());
  }
  if (!Target && !Temp)
    return;
  unsigned Grown = Call.getNumArgs();
  for (unsigned I = 0; I < Call.getNumArgs() && Grown == Call.getNumArgs(); ++I)
    if (Target && sameLvalue(Call.getArg(I), Target))
      Grown = I;
  if (Grown == Call.getNumArgs() && Temp && Temp->hasLocalStorage()) {
    forEachStmt(FunctionBody::loopBody(Inner), [&](const Stmt *S) {
      const auto *Back = dyn_cast<BinaryOperator>(S);
      if (!Back || Back->getOpcode() != BO_Assign || !refersTo(Back->getRHS(), *Temp))
        return;
      for (unsigned I = 0; I < Call.getNumArgs() && Grown == Call.getNumArgs(); ++I)
        if (sameLvalue(Call.getArg(I), Back->getLHS()))
          Grown = I;
    });
    if (Grown != Call.getNumArgs())
      Target = Call.getArg(Grown);
  }
  if (Grown == Call.getNumArgs() || !Call.getArg(Grown)->getType()->isPointerType())
    return;
  // A block the loop also replaces (`free(p); p = NULL;`) starts over and
  // is not grown across iterations.
  if (const auto *TargetRef = dyn_cast<DeclRefExpr>(strip(Target)))
    if (const auto *TargetVar = dyn_cast<VarDecl>(TargetRef->getDecl()))
      for (const VarUse &Use : findUses(*TargetVar, *Inner, Body)) {
        if (Use.Kind != UseKind::Assigned)
          continue;
        const auto *Assign = dyn_cast_or_null<BinaryOperator>(
            Body.parentIgnoringParenCasts(Use.Ref));
        const Expr *Value = Assign ? strip(Assign->getRHS()) : nullptr;
        if (Value != &Call && !(Temp && refersTo(Value, *Temp)))
          return;
      }
  std::vector<const Expr *> Sizes;
  for (unsigned I = Grown + 1; I < Call.getNumArgs(); ++I)
    if (Call.getArg(I)->getType()->isIntegerType())
      Sizes.push_back(Call.getArg(I));
  if (Sizes.empty())
    return;

  // From the innermost loop outwards: the first loop over which the size
  // is not invariant decides.
  for (const Stmt *Loop = repeatingLoop(&Call, Body, Ctx.AST); Loop;
       Loop = repeatingLoop(Loop, Body, Ctx.AST)) {
    if (isOnBailOutBranch(Call, *Loop, Body) ||
        guardedByCapacity(Call, *Loop, Body, Ctx.AST))
      return;
    Advance Found;
    unsigned Linear = 0;
    for (const Expr *Size : Sizes) {
      Step S = classify(Size, *Loop, Body, Ctx.AST, Found);
      if (S == Step::Other)
        return;
      Linear += S == Step::Linear;
    }
    if (Linear == 0)
      continue;
    if (Linear > 1)
      return; // reallocarray(p, n, n): not a constant step
    std::string Name = textOf(Target, Ctx.AST);
    Name = Name.empty() ? "the buffer" : "'" + Name + "'";
    StringRef Fn = Call.getDirectCallee()->getName();
    Finding F = finding(
        Call.getBeginLoc(),
        (Fn + " grows " + Name + " by a constant step in a loop, so "
              "the total copying is quadratic in its final size; grow the "
              "capacity geometrically (double it) or size it once before the "
              "loop")
            .str());
    F.Notes.push_back({Found.Where->getBeginLoc(),
                       "'" + Found.Var->getName().str() + "' advances by a constant here"});
    F.Notes.push_back({Loop->getBeginLoc(), "in this loop"});
    F.Owner = Function;
    F.InLoop = true;
    Ctx.Report.report(F);
    return;
  }
}

void GrowInLoopCheck::checkContainerGrowth(const CallExpr &Call) {
  SourceLocation Loc = Call.getBeginLoc();
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  const Expr *Object = objectOf(&Call);
  const auto *ObjRef =
      dyn_cast_or_null<DeclRefExpr>(Object ? Object->IgnoreParenImpCasts() : nullptr);
  const auto *Var = ObjRef ? dyn_cast<VarDecl>(ObjRef->getDecl()) : nullptr;
  if (!Method || !Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      Var->getType()->isReferenceType() || !wants(Loc))
    return;
  Container Kind =
      containerKind(Var->getType()->getAsCXXRecordDecl(), Ctx.Report.settingsAt(Loc));
  if (Kind == Container::Vector && Method->getIdentifier() &&
      Method->getName() == "insert" && Call.getNumArgs() == 3) {
    checkRangeInserts(Call, *Var);
    return;
  }
  if (!addsOneElement(Kind, Call))
    return;
  std::string Name = Method->getNameAsString();

  const FunctionBody *BodyOrNull = Ctx.Functions.bodyAround(Call);
  if (!BodyOrNull)
    return;
  const FunctionBody &Body = *BodyOrNull;
  const FunctionDecl *Function = &Body.function();
  std::string Count;
  const Stmt *Loop = predictableLoop(Call, *Var, Body, Ctx.AST, Count);
  if (!Loop)
    return;
  const SourceManager &SM = Ctx.AST.getSourceManager();

  // Empty at the loop: declared without contents, and not used between
  // its declaration and the loop (so nothing reserved or filled it).
  const Expr *Init = Var->getInit();
  if (Init) {
    Init = Init->IgnoreImplicit();
    const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
    const auto *List = dyn_cast<InitListExpr>(Init);
    if (!(Construct && Construct->getNumArgs() == 0) && !(List && List->getNumInits() == 0))
      return;
  }
  const Stmt *Whole = Function->getBody();
  unsigned GrowCalls = 0;
  for (const VarUse &Use : findUses(*Var, *Whole, Body)) {
    SourceLocation At = Use.Ref->getBeginLoc();
    if (SM.isBeforeInTranslationUnit(At, Loop->getBeginLoc()))
      return; // reserved, filled or passed on before the loop
    if (!Body.isWithin(Use.Ref, Loop))
      continue;
    // In the loop: only growth by one element and reads.
    const Stmt *User = userOf(Use.Ref, Body);
    const CXXMethodDecl *Called = methodOf(User);
    if (!Called)
      return;
    if (User == &Call || Called->getNameAsString() == Name) {
      if (++GrowCalls == 1 && User != &Call)
        return; // one finding per loop: at its first growing call
      continue;
    }
    if (!keepsSize(Called))
      return;
  }
  // Filled anew in each iteration of an outer loop only if declared in it;
  // otherwise it is not empty when this loop runs again.
  if (const Stmt *Outer = Body.innermostLoop(Loop))
    if (!isDeclaredIn(*Var, *Outer))
      return;

  std::string VarName = Var->getName().str();
  if (GrowCalls != 1)
    Count.clear(); // n pushes per iteration: the count is not the trip count
  std::string Advice = Count.empty() ? "reserve the loop's trip count before it"
                                     : "call '" + VarName + ".reserve(" + Count +
                                           ")' before the loop";
  Finding F = finding(
      Loc, "'" + VarName + "' grows one element per iteration of a loop whose "
           "trip count is known before it starts, so it reallocates and copies "
           "its elements repeatedly; " + Advice);
  F.Notes.push_back({Loop->getBeginLoc(), "in this loop"});
  F.Owner = Function;
  F.InLoop = true;

  // Fix-it: `v.reserve(n);` on its own line before the loop, when the loop
  // is a statement of a block, written outside macros, and this is the
  // only growing call in it.
  bool HasReserve = false;
  if (const CXXRecordDecl *Record = Var->getType()->getAsCXXRecordDecl())
    for (const CXXMethodDecl *M : Record->methods())
      HasReserve |= M->getIdentifier() && M->getName() == "reserve";
  SourceLocation LoopBegin = Loop->getBeginLoc();
  if (!Count.empty() && HasReserve && LoopBegin.isFileID() &&
      isa_and_nonnull<CompoundStmt>(Body.parent(Loop))) {
    std::string Indent = indentOf(LoopBegin, SM);
    F.FixIts.push_back(FixItHint::CreateInsertion(
        LoopBegin, VarName + ".reserve(" + Count + ");\n" + Indent));
  }
  Ctx.Report.report(F);
}

// `X.begin()`, `X.end()` (or cbegin/cend) on a plain lvalue X: the X.
static const Expr *boundOf(const Expr *E, StringRef Begin, StringRef CBegin) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E ? E->IgnoreImplicit() : nullptr);
  if (!Call)
    if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E ? E->IgnoreImplicit() : nullptr))
      if (Construct->getNumArgs() == 1)
        Call = dyn_cast<CXXMemberCallExpr>(Construct->getArg(0)->IgnoreImplicit());
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() || Call->getNumArgs() != 0 ||
      (Method->getName() != Begin && Method->getName() != CBegin))
    return nullptr;
  const Expr *Object = Call->getImplicitObjectArgument();
  return Object && isPlainLvalue(Object) ? Object->IgnoreParenImpCasts() : nullptr;
}

// `v.insert(v.end(), X.begin(), X.end())` with X a standard container (its
// size known), not v: the range X, or null.
static const Expr *rangeInsertSource(const Stmt *S, const VarDecl &Var) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
      isa_and_nonnull<Expr>(S) ? cast<Expr>(S)->IgnoreImplicit() : nullptr);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() || Method->getName() != "insert" ||
      Call->getNumArgs() != 3 ||
      !refersTo(Call->getImplicitObjectArgument(), Var))
    return nullptr;
  const Expr *At = boundOf(Call->getArg(0), "end", "cend");
  const Expr *First = boundOf(Call->getArg(1), "begin", "cbegin");
  const Expr *Last = boundOf(Call->getArg(2), "end", "cend");
  if (!At || !refersTo(At, Var) || !First || !Last || !sameLvalue(First, Last))
    return nullptr;
  bool OnGrown = false;
  forEachStmt(First, [&](const Stmt *Sub) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Sub))
      OnGrown |= Ref->getDecl() == &Var;
  });
  const CXXRecordDecl *Record =
      First->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (OnGrown || !Record || !Record->isInStdNamespace())
    return nullptr;
  return First;
}

static bool mentions(const Stmt *S, const VarDecl &Var) {
  bool Found = false;
  forEachStmt(S, [&](const Stmt *Sub) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Sub))
      Found |= Ref->getDecl() == &Var;
  });
  return Found;
}

// FF-6: two or more consecutive `v.insert(v.end(), X.begin(), X.end())`
// into a vector declared empty just before, with nothing between: each
// extension past the first reallocates and copies what is there. Reported
// at the first insert of the run.
void GrowInLoopCheck::checkRangeInserts(const CallExpr &Call, const VarDecl &Var) {
  const Expr *Init = Var.getInit();
  if (Init) {
    const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
    if (!Construct || Construct->getNumArgs() != 0)
      return;
  }
  // (Null in a template instantiation: its pattern is checked instead.)
  const FunctionBody *BodyOrNull = Ctx.Functions.bodyAround(Call);
  if (!BodyOrNull)
    return;
  const FunctionBody &Body = *BodyOrNull;
  const FunctionDecl *Function = &Body.function();
  const Stmt *Statement = &Call;
  const Stmt *Parent = Body.parent(Statement);
  while (Parent && (isa<ExprWithCleanups>(Parent) || isa<CastExpr>(Parent))) {
    Statement = Parent;
    Parent = Body.parent(Statement);
  }
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Parent);
  if (!Block || !rangeInsertSource(Statement, Var))
    return;
  // Find the declaration and the run of inserts in the block.
  std::vector<const Stmt *> Items(Block->body_begin(), Block->body_end());
  size_t Decl = Items.size(), At = Items.size();
  for (size_t I = 0; I < Items.size(); ++I) {
    if (const auto *D = dyn_cast<DeclStmt>(Items[I]))
      for (const clang::Decl *Each : D->decls())
        if (Each == &Var)
          Decl = I;
    if (Items[I] == Statement)
      At = I;
  }
  if (Decl >= At)
    return;
  for (size_t I = Decl + 1; I < At; ++I)
    if (mentions(Items[I], Var))
      return; // reserved, filled or used before: or an earlier insert
  std::vector<const Expr *> Sources;
  for (size_t I = At; I < Items.size(); ++I) {
    const Expr *Source = rangeInsertSource(Items[I], Var);
    if (!Source)
      break;
    Sources.push_back(Source);
  }
  if (Sources.size() < 2 || !wants(Call.getBeginLoc()))
    return;

  const SourceManager &SM = Ctx.AST.getSourceManager();
  const LangOptions &LO = Ctx.AST.getLangOpts();
  std::string Sum;
  for (const Expr *Source : Sources) {
    std::string Text;
    if (!verbatim(Source->getSourceRange(), SM, LO, Text) ||
        Text.find('\n') != std::string::npos) {
      Sum.clear();
      break;
    }
    Sum += (Sum.empty() ? "" : " + ") + Text + ".size()";
  }
  std::string Name = Var.getName().str();
  Finding F = finding(
      Call.getBeginLoc(),
      "'" + Name + "' is extended " + std::to_string(Sources.size()) +
          " times from ranges of known size without reserve, so each "
          "extension after the first reallocates and copies it; " +
          (Sum.empty() ? std::string("reserve the total size first")
                       : "call '" + Name + ".reserve(" + Sum + ")' first"));
  const Stmt *Last = Items[At + Sources.size() - 1];
  F.Notes.push_back({Last->getBeginLoc(), "the last extension"});
  F.Owner = Function;
  SourceLocation Begin = Statement->getBeginLoc();
  if (!Sum.empty() && Begin.isFileID())
    F.FixIts.push_back(FixItHint::CreateInsertion(
        Begin, Name + ".reserve(" + Sum + ");\n" + indentOf(Begin, SM)));
  Ctx.Report.report(F);
}

} // namespace memrules
