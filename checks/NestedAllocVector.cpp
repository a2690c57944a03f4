// nested-alloc, C++ form: a local std::vector<std::vector<T>> (T a number
// or character type) or std::vector<std::string> whose rows all get the
// same length: `grid(n, std::vector<T>(m))`, `grid.resize(n, row(m))`, or
// a loop doing `grid[i].resize(m)` / `grid[i] = std::vector<T>(m)` /
// `row.resize(m)` over `for (auto &row : grid)` with m the same on every
// iteration. One std::vector<T>(n * m) does with one allocation.
#include "NestedAlloc.h"

#include "analysis/LoopFacts.h"
#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {

using namespace nested_alloc;

namespace {

bool isStd(const CXXRecordDecl *Record, StringRef Name) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record);
  return Spec && Spec->isInStdNamespace() && Spec->getIdentifier() &&
         Spec->getName() == Name;
}

const TemplateArgument *firstArgument(const CXXRecordDecl *Record) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record);
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return &Spec->getTemplateArgs()[0];
}

// Is Type a row: std::vector<T> with T a number or character type, or a
// std::basic_string?
bool isRowType(QualType Type) {
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (isStd(Record, "basic_string"))
    return true;
  const TemplateArgument *Element = isStd(Record, "vector") ? firstArgument(Record) : nullptr;
  return Element && Element->getAsType()->isArithmeticType();
}

// Is Type std::vector<Row>?
bool isGridType(QualType Type) {
  const CXXRecordDecl *Record = Type.getNonReferenceType()->getAsCXXRecordDecl();
  const TemplateArgument *Row = isStd(Record, "vector") ? firstArgument(Record) : nullptr;
  return Row && isRowType(Row->getAsType());
}

// E without the temporaries, casts and cleanups around a constructed value.
const Expr *constructed(const Expr *E) {
  while (E) {
    const Expr *Next = ignoreCastsAndCleanups(E->IgnoreImplicit());
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = Bind->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

// The count of a construction by count, `T(n)`, `T(n, value)` (a vector's
// or a string's constructor whose first parameter is an integer), or null.
const Expr *countOfConstruction(const Expr *E) {
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(constructed(E));
  if (!Construct || Construct->getNumArgs() == 0)
    return nullptr;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (!Ctor || Ctor->getNumParams() == 0 ||
      !Ctor->getParamDecl(0)->getType()->isIntegerType() ||
      isa<CXXDefaultArgExpr>(Construct->getArg(0)))
    return nullptr;
  return Construct->getArg(0);
}

// The row value of `grid(n, row)` / `grid.resize(n, row)` when it is built
// by count: its count.
const Expr *rowCountOf(const Expr *Row) {
  return isRowType(Row->getType()) ? countOfConstruction(Row) : nullptr;
}

const Expr *stripImplicit(const Expr *E) {
  return E ? ignoreCastsAndCleanups(E->IgnoreImplicit()) : nullptr;
}

const VarDecl *localVar(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(stripImplicit(E));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) ? Var : nullptr;
}

// The method call User makes on Object, the expression below it: `x.f()`
// (User is the member expression, the call its parent) or `x[i]`, `x = y`
// (User is the operator call, Object its first argument). Null otherwise.
const CallExpr *methodCallOn(const Stmt *User, const Stmt *Object, const FunctionBody &Body) {
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(User)) {
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(Body.parent(Member));
    return Call && Call->getCallee() == Member && Member->getBase() == Object ? Call : nullptr;
  }
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(User))
    if (isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) && Op->getNumArgs() > 0 &&
        Op->getArg(0) == Object)
      return Op;
  return nullptr;
}

// The parent of E, past the implicit nodes and parentheses around it.
const Stmt *userOf(const Stmt *E, const FunctionBody &Body, const Stmt *&Child) {
  Child = E;
  const Stmt *P = Body.parent(E);
  while (P && (isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P) ||
               isa<MaterializeTemporaryExpr>(P) || isa<CXXBindTemporaryExpr>(P) ||
               isa<ExprWithCleanups>(P))) {
    Child = P;
    P = Body.parent(P);
  }
  return P;
}

// Methods that read a vector or string, or hand out its elements, without
// changing its length or its block.
bool keepsBlock(const CXXMethodDecl &Method) {
  if (Method.isConst())
    return true;
  if (Method.getOverloadedOperator() == OO_Subscript)
    return true;
  static const char *const Names[] = {"at",   "front", "back",   "data",  "begin",
                                      "end",  "rbegin", "rend",  "cbegin", "cend",
                                      "size", "empty", "capacity"};
  if (!Method.getIdentifier())
    return false;
  for (const char *Name : Names)
    if (Method.getName() == Name)
      return true;
  return false;
}

// The ways a row, or the grid, may be changed through one expression
// denoting it; Site is the flagged statement itself (it may resize rows).
class ChangeFinder {
public:
  ChangeFinder(const Stmt &Site, const FunctionBody &Body) : Site(Site), Body(Body) {}

  // Does the code change the row E denotes (its length, or which block it
  // is), so that rows differ in length or live on their own?
  bool rowChanges(const Expr &E, int Depth = 0) const {
    const Stmt *Child = nullptr;
    const Stmt *User = userOf(&E, Body, Child);
    if (!User || User == &Site)
      return false;
    if (const auto *Range = rangeForOver(User))
      return Depth >= 2 || loopVariableChanges(*Range, Depth + 1);
    if (const CallExpr *Call = methodCallOn(User, Child, Body)) {
      if (Call == &Site)
        return false;
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
      return !Method || !keepsBlock(*Method);
    }
    if (const auto *Decl = dyn_cast<DeclStmt>(User))
      return bindsChangingReference(*Decl, Depth);
    if (const auto *Call = dyn_cast<CallExpr>(User))
      return passedToChange(*Call, Child);
    if (const auto *Unary = dyn_cast<UnaryOperator>(User))
      return Unary->getOpcode() == UO_AddrOf;
    return false;
  }

  // The same for the grid variable: rows added, replaced or reordered.
  bool gridChanges(const VarDecl &Grid) const {
    for (const DeclRefExpr *Ref : Body.references(Grid)) {
      const Stmt *Child = nullptr;
      const Stmt *User = userOf(Ref, Body, Child);
      if (!User || User == &Site)
        continue;
      if (const auto *Range = rangeForOver(User)) {
        if (loopVariableChanges(*Range, 1))
          return true;
        continue;
      }
      if (const CallExpr *Call = methodCallOn(User, Child, Body)) {
        if (Call == &Site)
          continue;
        const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
        if (!Method || !keepsBlock(*Method) ||
            (!Method->isConst() && isIterator(Method->getReturnType())))
          return true; // push_back, insert, swap, sort through iterators...
        if (rowChanges(*Call))
          return true; // grid[i].push_back(x)
        continue;
      }
      if (rowChanges(*Ref))
        return true; // a non-const reference to the grid, passed or bound
    }
    return false;
  }

private:
  static bool isIterator(QualType Type) {
    return !Type->isReferenceType() && !Type->isPointerType() &&
           Type->getAsCXXRecordDecl() != nullptr;
  }

  // The range-for whose range statement User is (`auto &&__range = grid`).
  const CXXForRangeStmt *rangeForOver(const Stmt *User) const {
    const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(User ? Body.parent(User) : nullptr);
    return Range && Range->getRangeStmt() == User ? Range : nullptr;
  }

  bool loopVariableChanges(const CXXForRangeStmt &Range, int Depth) const {
    const VarDecl *Row = Range.getLoopVariable();
    QualType Type = Row->getType();
    if (!Type->isReferenceType() || Type.getNonReferenceType().isConstQualified())
      return false; // a copy, or read only
    for (const DeclRefExpr *Ref : Body.references(*Row))
      if (rowChanges(*Ref, Depth))
        return true;
    return false;
  }

  // `auto &row = grid[i];` then row.push_back(x).
  bool bindsChangingReference(const DeclStmt &Decl, int Depth) const {
    for (const auto *D : Decl.decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!Var || !Var->getType()->isReferenceType() ||
          Var->getType().getNonReferenceType().isConstQualified())
        continue;
      if (Depth > 0)
        return true; // a reference to a reference: not followed
      for (const DeclRefExpr *Ref : Body.references(*Var))
        if (rowChanges(*Ref, Depth + 1))
          return true;
    }
    return false;
  }

  // Passed by non-const reference (std::swap(grid[i], grid[j]),
  // std::move(grid[i]), fill(grid)): the callee may change it.
  static bool passedToChange(const CallExpr &Call, const Stmt *Child) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee)
      return true;
    for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
      if (Call.getArg(I) != Child)
        continue;
      if (I >= Callee->getNumParams())
        return true;
      QualType Param = Callee->getParamDecl(I)->getType();
      return Param->isReferenceType() && !Param.getNonReferenceType().isConstQualified();
    }
    return false;
  }

  const Stmt &Site;
  const FunctionBody &Body;
};

} // namespace

void NestedAllocCheck::registerVectorMatchers(MatchFinder &Finder) {
  auto Grid = hasType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(classTemplateSpecializationDecl(hasName("::std::vector"))))));
  // std::vector<std::vector<T>> grid(n, std::vector<T>(m));
  Finder.addMatcher(varDecl(hasLocalStorage(), unless(parmVarDecl()), Grid, hasInitializer(expr()),
                            unless(isExpansionInSystemHeader()))
                        .bind("grid"),
                    this);
  // grid.resize(n, row(m)); grid[i].resize(m); row.resize(m)
  Finder.addMatcher(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("resize"))),
                                      unless(isExpansionInSystemHeader()))
                        .bind("resize"),
                    this);
  // grid[i] = std::vector<T>(m);
  Finder.addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                                        unless(isExpansionInSystemHeader()))
                        .bind("assign-row"),
                    this);
}

void NestedAllocCheck::runVector(const MatchFinder::MatchResult &Result) {
  if (const auto *Grid = Result.Nodes.getNodeAs<VarDecl>("grid")) {
    checkConstruction(*Grid);
  } else if (const auto *Resize = Result.Nodes.getNodeAs<CXXMemberCallExpr>("resize")) {
    const Expr *Object = Resize->getImplicitObjectArgument();
    if (Object && Resize->getNumArgs() == 1)
      checkRowsSized(*Resize, *Object, Resize->getArg(0));
    else if (Object && Resize->getNumArgs() == 2 && isGridType(Object->getType()))
      if (const VarDecl *Grid = localVar(Object))
        if (const Expr *Count = rowCountOf(Resize->getArg(1)))
          if (const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(*Resize))
            reportVector(*Grid, *Resize, *Count, nullptr, *Body);
  } else if (const auto *Assign = Result.Nodes.getNodeAs<CXXOperatorCallExpr>("assign-row")) {
    if (Assign->getNumArgs() == 2)
      checkRowsSized(*Assign, *Assign->getArg(0), countOfConstruction(Assign->getArg(1)));
  }
}

void NestedAllocCheck::checkConstruction(const VarDecl &Grid) {
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(constructed(Grid.getInit()));
  if (!Construct || Construct->getNumArgs() < 2 || !countOfConstruction(Construct))
    return;
  const Expr *Count = rowCountOf(Construct->getArg(1));
  const FunctionBody *Body = Count ? Ctx.Functions.nonTemplateBodyAround(*Construct) : nullptr;
  if (Body)
    reportVector(Grid, *Construct, *Count, nullptr, *Body);
}

// `grid[i].resize(m)` or `grid[i] = std::vector<T>(m)` in a `for` loop
// counting with i, or `row.resize(m)` in `for (auto &row : grid)`, on every
// iteration, m the same on every iteration.
void NestedAllocCheck::checkRowsSized(const Expr &Site, const Expr &Object, const Expr *Count) {
  if (!Count || !Count->getType()->isIntegerType() || !isRowType(Object.getType()))
    return;
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(Site);
  const Stmt *Loop = Body ? Body->innermostLoop(&Site) : nullptr;
  if (!Loop || runsAtMostOnce(*Loop, Ctx.AST) || !runsEveryIteration(Site, *Loop, *Body) ||
      Count->isValueDependent() || !isLoopInvariant(*Count, *Loop, *Body))
    return;
  const VarDecl *Grid = nullptr;
  const Expr *Row = stripImplicit(&Object);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop)) {
    const VarDecl *RowVar = Range->getLoopVariable();
    if (refersTo(Row, *RowVar) && RowVar->getType()->isReferenceType())
      Grid = localVar(Range->getRangeInit());
  } else if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(Row);
    const VarDecl *Counter = counterOf(*For);
    if (Subscript && Subscript->getOperator() == OO_Subscript && Subscript->getNumArgs() == 2 &&
        Counter && refersTo(Subscript->getArg(1), *Counter))
      Grid = localVar(Subscript->getArg(0));
  }
  if (Grid && isGridType(Grid->getType()))
    reportVector(*Grid, Site, *Count, Loop, *Body);
}

void NestedAllocCheck::reportVector(const VarDecl &Grid, const Expr &Site, const Expr &Count,
                                    const Stmt *Loop, const FunctionBody &Body) {
  SourceLocation Loc = Site.getBeginLoc();
  if (!wants(Loc) || !Body.contains(&Site) || Grid.getType().isVolatileQualified())
    return;
  if (ChangeFinder(Site, Body).gridChanges(Grid))
    return;
  std::string Name = Grid.getName().str();
  std::string Length = operandsText({&Count}, Ctx.AST);
  Length = Length.empty() ? "the same length" : "the same length ('" + Length + "')";
  Finding F = finding(
      Loc, "'" + Name + "' holds rows of " + Length + ", each a separate heap "
               "block, so it costs one allocation per row plus one and scatters "
               "the rows in the heap; use one flat vector of rows * length "
               "elements and index it [i * length + j]");
  if (Loop) {
    F.Notes.push_back({Grid.getLocation(), "'" + Name + "' is declared here"});
    F.Notes.push_back({Loop->getBeginLoc(), "the rows are sized in this loop"});
    F.InLoop = true;
  }
  F.Owner = &Body.function();
  Ctx.Report.report(F);
}

} // namespace memrules
