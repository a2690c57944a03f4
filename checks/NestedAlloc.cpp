// nested-alloc, C form: `rows = malloc(n * sizeof *rows); for (i = 0; i <
// n; i++) rows[i] = malloc(cols * sizeof **rows);` (and `new T[m]` rows in
// C++). The vector forms are in NestedAllocVector.cpp.
#include "NestedAlloc.h"

#include "analysis/AllocationSites.h"
#include "analysis/Escape.h"
#include "analysis/LoopFacts.h"
#include "analysis/SourceText.h"
#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {

NestedAllocCheck::NestedAllocCheck(CheckContext &Ctx) : Check(MR_RULE_NESTED_ALLOC, Ctx) {}
NestedAllocCheck::~NestedAllocCheck() = default;

// May the call that Row (a row pointer, or with IsVariable a local holding
// one) is passed to keep it (RULES.md "escapes")? Then the row may be
// released or replaced there, on its own.
bool NestedAllocCheck::mayBeKept(const Expr &Row, const VarDecl &Var, bool IsVariable,
                                 const FunctionBody &Body) {
  if (!Escape)
    Escape.reset(new EscapeAnalysis(Ctx.Functions, Ctx.Allocators, Ctx.AST));
  return Escape->fateOf(Row, Var, Body, IsVariable).Fate == PointerFate::Escapes;
}

std::vector<std::string> NestedAllocCheck::triggers() const {
  std::vector<std::string> Names = Ctx.Allocators.allocatorNames();
  if (Ctx.AST.getLangOpts().CPlusPlus)
    // The vector forms spell the row type (`std::vector<int>(m)`) or call
    // resize; a type alias hides them (not judged).
    for (const char *Name : {"new", "vector", "resize"})
      Names.push_back(Name);
  return Names;
}

void NestedAllocCheck::registerMatchers(MatchFinder &Finder) {
  // rows[i] = <allocation>, rows a local variable.
  auto Row = arraySubscriptExpr(
                 hasBase(ignoringParenImpCasts(declRefExpr(to(varDecl(hasLocalStorage()))))))
                 .bind("row");
  std::vector<std::string> Names = Ctx.Allocators.allocatorNames();
  std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  auto Alloc = expr(anyOf(callExpr(callee(functionDecl(hasAnyName(NameRefs)))),
                          cxxNewExpr(isArray())));
  Finder.addMatcher(binaryOperator(hasOperatorName("="), hasLHS(ignoringParenImpCasts(Row)),
                                   hasRHS(ignoringParenCasts(Alloc)),
                                   unless(isExpansionInSystemHeader()))
                        .bind("assign"),
                    this);
  if (Ctx.AST.getLangOpts().CPlusPlus)
    registerVectorMatchers(Finder);
}

void NestedAllocCheck::run(const MatchFinder::MatchResult &Result) {
  const auto *Assign = Result.Nodes.getNodeAs<BinaryOperator>("assign");
  const auto *Row = Result.Nodes.getNodeAs<ArraySubscriptExpr>("row");
  if (Assign && Row)
    checkRowAllocation(*Assign, *Row);
  else
    runVector(Result);
}

namespace nested_alloc {

// `i++`, `--i`, `i += k`.
const VarDecl *counterOf(const ForStmt &For) {
  const Expr *Inc = For.getInc() ? For.getInc()->IgnoreParenImpCasts() : nullptr;
  const Expr *Stepped = nullptr;
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(Inc)) {
    if (Unary->isIncrementDecrementOp())
      Stepped = Unary->getSubExpr();
  } else if (const auto *Binary = dyn_cast_or_null<BinaryOperator>(Inc)) {
    if (Binary->getOpcode() == BO_AddAssign || Binary->getOpcode() == BO_SubAssign)
      Stepped = Binary->getLHS();
  }
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Stepped ? Stepped->IgnoreParenImpCasts()
                                                          : nullptr);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

bool runsEveryIteration(const Stmt &S, const Stmt &Loop, const FunctionBody &Body) {
  const Stmt *Child = &S;
  for (const Stmt *P = Body.parent(&S); P && P != &Loop; Child = P, P = Body.parent(P)) {
    if (isa<CompoundStmt>(P) || isa<ParenExpr>(P) || isa<CastExpr>(P) ||
        isa<ExprWithCleanups>(P) || isa<MaterializeTemporaryExpr>(P))
      continue;
    if (const auto *If = dyn_cast<IfStmt>(P)) {
      if (If->getCond() == Child)
        continue;
      return false;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(P)) {
      if (Unary->getOpcode() == UO_LNot)
        continue;
      return false;
    }
    if (const auto *Binary = dyn_cast<BinaryOperator>(P)) {
      if (Binary->isComparisonOp() || (Binary->isLogicalOp() && Binary->getLHS() == Child))
        continue;
      return false;
    }
    return false;
  }
  return true;
}

std::string operandsText(const std::vector<const Expr *> &Operands, ASTContext &AST) {
  std::string Text;
  for (const Expr *Operand : Operands) {
    std::string One;
    if (!verbatim(Operand->getSourceRange(), AST.getSourceManager(), AST.getLangOpts(), One) ||
        One.find('\n') != std::string::npos)
      return "";
    Text += (Text.empty() ? "" : " * ") + One;
  }
  return Text;
}

} // namespace nested_alloc

using namespace nested_alloc;

namespace {

// Is Index the counter of a `for` loop around S (the loop of a cleanup
// `for (i = 0; i < n; i++) free(rows[i]);`, or of an error path's
// `while (i--) free(rows[i]);`)?
bool isCounterOfLoopAround(const Expr *Index, const Stmt &S, const FunctionBody &Body) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Index->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const Stmt *Loop = Var ? Body.innermostLoop(&S) : nullptr;
  if (!Loop)
    return false;
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return counterOf(*For) == Var;
  if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    const auto *Cond = dyn_cast<UnaryOperator>(While->getCond()->IgnoreParenImpCasts());
    return Cond && Cond->isIncrementDecrementOp() && refersTo(Cond->getSubExpr(), *Var);
  }
  return false;
}

bool isNull(const Expr *E, ASTContext &AST) {
  return E->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

// The size operands of an allocation, when it says where its size is.
std::vector<const Expr *> sizeOf(const Allocation &A) {
  if (const auto *New = dyn_cast<CXXNewExpr>(A.Site)) {
    auto Count = New->getArraySize();
    if (Count && *Count)
      return {*Count};
    return {};
  }
  const auto &Call = cast<CallExpr>(*A.Site);
  return A.Family && A.Family->Name == "libc" ? AllocatorModel::sizeOperands(Call)
                                              : AllocatorModel::familySizeOperands(Call);
}

// Is every operand of the size the same on every iteration?
bool sameSizeEveryIteration(const std::vector<const Expr *> &Size, const Stmt &Loop,
                            const FunctionBody &Body) {
  if (Size.empty())
    return false;
  for (const Expr *Operand : Size)
    if (Operand->isValueDependent() || !isLoopInvariant(*Operand, Loop, Body))
      return false;
  return true;
}

// The allocation that last gave Rows its value before Loop, in the same
// loop (or none) as Loop: the array of row pointers. Null when that value
// is not a fresh allocation, or Rows is given it inside Loop as well.
const Expr *outerAllocation(const VarDecl &Rows, const Stmt &Loop, const FunctionBody &Body,
                            const AllocatorModel &Model) {
  const SourceManager &SM = Rows.getASTContext().getSourceManager();
  const Expr *Last = Rows.getInit();
  for (const VarUse &Use : findUses(Rows, *Body.function().getBody(), Body)) {
    if (Use.Kind != UseKind::Assigned)
      continue;
    if (Body.isWithin(Use.Ref, &Loop))
      return nullptr; // the array changes while its rows are allocated
    const auto *Set = dyn_cast_or_null<BinaryOperator>(Body.parentIgnoringParenCasts(Use.Ref));
    if (!Set)
      return nullptr;
    if (SM.isBeforeInTranslationUnit(Use.Ref->getBeginLoc(), Loop.getBeginLoc()))
      Last = Set->getRHS();
  }
  Allocation Outer;
  if (!Last || !allocationOf(Last, Model, Outer))
    return nullptr;
  if (Body.innermostLoop(Outer.Site) != Body.innermostLoop(&Loop))
    return nullptr;
  return Outer.Site;
}

} // namespace

// Does the function treat the rows as separate blocks with lives of their
// own, which one block could not give them: a row replaced, swapped, grown
// or released on its own, stored where it outlives the array, or the array
// of pointers permuted (qsort, memmove)?
bool NestedAllocCheck::rowsAreIndependent(const VarDecl &Rows, const BinaryOperator &Assign,
                                          const Expr &Outer, const FunctionBody &Body) {
  ASTContext &AST = Ctx.AST;
  for (const VarUse &Use : findUses(Rows, *Body.function().getBody(), Body)) {
    const Stmt *Parent = Body.parentIgnoringParenCasts(Use.Ref);
    if (Use.Kind == UseKind::Assigned) {
      const auto *Set = dyn_cast_or_null<BinaryOperator>(Parent);
      if (!Set || (!isNull(Set->getRHS(), AST) &&
                   ignoreCastsAndCleanups(Set->getRHS()) != &Outer))
        return true;
      continue;
    }
    if (Use.Kind == UseKind::PassedToCall) {
      // Generic memory functions see the pointers as bytes to move.
      const FunctionDecl *Callee = Use.Call->getDirectCallee();
      if (!Callee)
        return true;
      if (Ctx.Allocators.releasingFamilies(*Callee).empty() &&
          Use.Argument < Callee->getNumParams() &&
          Callee->getParamDecl(Use.Argument)->getType()->isVoidPointerType())
        return true;
      continue;
    }
    if (Use.Kind == UseKind::AddressTaken)
      return true; // whoever gets &rows may replace rows
    const auto *Row = dyn_cast_or_null<ArraySubscriptExpr>(Parent);
    if (!Row || Row->getBase()->IgnoreParenImpCasts() != Use.Ref)
      continue; // another use of the array itself: a read, a free
    if (rowLeadsOwnLife(*Row, Rows, Assign, Body))
      return true;
  }
  return false;
}

// A local holding a copy of a row pointer (`int *r = rows[i];`): is the row
// returned, stored elsewhere, released or grown through it?
bool NestedAllocCheck::aliasLeadsOwnLife(const VarDecl &Alias, const FunctionBody &Body) {
  for (const VarUse &Use : findUses(Alias, *Body.function().getBody(), Body)) {
    switch (Use.Kind) {
    case UseKind::Returned:
    case UseKind::AddressTaken:
      return true;
    case UseKind::Stored: {
      const VarDecl *To = Use.DestinationVar;
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
              Use.Destination ? Use.Destination->IgnoreParenImpCasts() : nullptr))
        To = dyn_cast<VarDecl>(Ref->getDecl());
      if (!To || !To->hasLocalStorage())
        return true;
      break;
    }
    case UseKind::PassedToCall: {
      const FunctionDecl *Callee = Use.Call->getDirectCallee();
      if (!Callee || Ctx.Allocators.isGrow(*Use.Call) ||
          !Ctx.Allocators.releasingFamilies(*Callee).empty() ||
          mayBeKept(*Use.Ref, Alias, true, Body))
        return true;
      break;
    }
    default:
      break;
    }
  }
  return false;
}

// What the code does with one row, `rows[x]`: does that show the row has a
// life of its own?
bool NestedAllocCheck::rowLeadsOwnLife(const ArraySubscriptExpr &Row, const VarDecl &Rows,
                                       const BinaryOperator &Assign,
                                       const FunctionBody &Body) {
  const Stmt *Child = &Row;
  const Stmt *Parent = Body.parent(&Row);
  while (Parent && (isa<ParenExpr>(Parent) || isa<ImplicitCastExpr>(Parent) ||
                    isa<CStyleCastExpr>(Parent))) {
    Child = Parent;
    Parent = Body.parent(Parent);
  }
  if (!Parent)
    return false;
  if (const auto *Set = dyn_cast<BinaryOperator>(Parent)) {
    if (Set->getOpcode() != BO_Assign)
      return false;
    if (Set->getLHS() == Child) // replaced: fine only by this allocation or NULL
      return Set != &Assign && !isNull(Set->getRHS(), Ctx.AST);
    // Copied: into a local it is a borrow, unless that copy goes on;
    // anywhere else it may outlive the array.
    const auto *To = dyn_cast<DeclRefExpr>(Set->getLHS()->IgnoreParenImpCasts());
    const auto *ToVar = To ? dyn_cast<VarDecl>(To->getDecl()) : nullptr;
    return !ToVar || !ToVar->hasLocalStorage() || aliasLeadsOwnLife(*ToVar, Body);
  }
  if (const auto *Decl = dyn_cast<DeclStmt>(Parent)) {
    for (const auto *D : Decl->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getInit() == Child && aliasLeadsOwnLife(*Var, Body))
          return true;
    return false;
  }
  if (isa<ReturnStmt>(Parent))
    return true;
  if (const auto *Unary = dyn_cast<UnaryOperator>(Parent))
    return Unary->getOpcode() == UO_AddrOf; // swap(&rows[i], &rows[j])
  if (const auto *Delete = dyn_cast<CXXDeleteExpr>(Parent))
    return !isCounterOfLoopAround(Row.getIdx(), *Delete, Body);
  const auto *Call = dyn_cast<CallExpr>(Parent);
  if (!Call)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return mayBeKept(Row, Rows, false, Body);
  if (Ctx.Allocators.isGrow(*Call) && Call->getNumArgs() > 0 &&
      ignoreCastsAndCleanups(Call->getArg(0)) == &Row)
    return true;
  // Released: in a loop over all rows it is the jagged array's cleanup; one
  // row released alone lives on its own.
  if (!Ctx.Allocators.releasingFamilies(*Callee).empty() &&
      ignoreCastsAndCleanups(releasedArgument(*Call, *Callee)) == &Row)
    return !isCounterOfLoopAround(Row.getIdx(), *Call, Body);
  return mayBeKept(Row, Rows, false, Body);
}

void NestedAllocCheck::checkRowAllocation(const BinaryOperator &Assign,
                                          const ArraySubscriptExpr &Row) {
  SourceLocation Loc = Assign.getRHS()->getBeginLoc();
  if (!wants(Loc))
    return;
  Allocation Inner;
  if (!allocationOf(Assign.getRHS(), Ctx.Allocators, Inner))
    return;
  // Rows of numbers or characters: a 2-D array. (Rows of structs are a
  // pool of records, rows of pointers another level of nesting.)
  QualType RowType = Row.getType();
  if (!RowType->isPointerType() || !RowType->getPointeeType()->isArithmeticType())
    return;
  const auto *RowsRef = cast<DeclRefExpr>(Row.getBase()->IgnoreParenImpCasts());
  const auto *Rows = dyn_cast<VarDecl>(RowsRef->getDecl());
  if (!Rows || isa<ParmVarDecl>(Rows) || !Rows->getType()->isPointerType())
    return;
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(Assign);
  if (!Body)
    return; // a template instantiation: its pattern is judged
  const auto *Loop = dyn_cast_or_null<ForStmt>(Body->innermostLoop(&Assign));
  if (!Loop || runsAtMostOnce(*Loop, Ctx.AST))
    return;
  const VarDecl *Counter = counterOf(*Loop);
  if (!Counter || !refersTo(Row.getIdx(), *Counter) ||
      !runsEveryIteration(Assign, *Loop, *Body))
    return;
  std::vector<const Expr *> Size = sizeOf(Inner);
  if (!sameSizeEveryIteration(Size, *Loop, *Body))
    return;
  const Expr *Outer = outerAllocation(*Rows, *Loop, *Body, Ctx.Allocators);
  if (!Outer || rowsAreIndependent(*Rows, Assign, *Outer, *Body))
    return;

  std::string Name = Rows->getName().str();
  std::string Text = operandsText(Size, Ctx.AST);
  Text = Text.empty() ? "" : " ('" + Text + "')";
  Finding F = finding(
      Loc, "every row of '" + Name + "' is allocated on its own with the same size" +
               Text + ", so the array costs one allocation per row plus one, "
               "each with its own header and scattered in the heap; allocate "
               "the rows as one block of rows * that size and index it (or "
               "point each row into it)");
  F.Notes.push_back({Outer->getBeginLoc(), "the array of row pointers is allocated here"});
  F.Notes.push_back({Loop->getBeginLoc(), "the rows are allocated in this loop"});
  F.Owner = &Body->function();
  F.InLoop = true;
  Ctx.Report.report(F);
}

} // namespace memrules
