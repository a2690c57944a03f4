// leak-on-return: the error-path leak.
//
//     char *buf = malloc(n); if (!buf) return -1;
//     if (read(fd, buf, n) < 0) return -1;   // buf leaks here
//
// Bottom-up: the matchers fire on allocation calls (every family's
// allocators, `new`) whose result a local pointer variable receives. For
// each such variable, once, the function's CFG (shared through the
// FunctionIndex) carries a forward must-analysis of what the variable holds:
// a set of {null, our live block, anything else}. Assignments and the
// variable's declaration set it; a release or an escape (analysis/Escape.h)
// turns it to "anything else"; a dereference or a branch on `p`, `!p`,
// `p == NULL`, `p != NULL` removes null (or the block) on that edge. A
// `return` where the variable certainly holds our live, non-null block is a
// leak; so is a `goto` whose target code never mentions the variable again
// and reaches the function's exit. Everything uncertain stays silent: paths
// that merge a freed and an unfreed state, a block that may still be null,
// variables whose address is taken or that a closure captures.
#include "LeakOnReturn.h"

#include "analysis/AllocationSites.h"

#include "analysis/Escape.h"
#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <deque>

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

// The abstract value of the variable: which of these it may hold.
enum : unsigned char { Null = 1, Owned = 2, Other = 4 };

struct State {
  unsigned char Mask = 0; // 0: not reached yet (or an impossible edge)
  llvm::SmallVector<const Expr *, 2> Sites; // the allocations behind Owned

  bool operator==(const State &O) const { return Mask == O.Mask && Sites == O.Sites; }
  bool operator!=(const State &O) const { return !(*this == O); }
  void join(const State &O) {
    Mask |= O.Mask;
    for (const Expr *S : O.Sites)
      if (std::find(Sites.begin(), Sites.end(), S) == Sites.end())
        Sites.push_back(S);
    std::sort(Sites.begin(), Sites.end());
  }
  void set(unsigned char M) {
    Mask = M;
    if (!(M & Owned))
      Sites.clear();
  }
  // Our live block, certainly: the only state reported.
  bool leaks() const { return Mask == Owned && !Sites.empty(); }
};

// What an assignment to the variable (or its initializer) gives it.
struct Assignment {
  enum { Fresh, Grow, NullValue, OtherValue } Kind = OtherValue;
  Allocation Alloc;          // Fresh
  const Expr *Site = nullptr; // Grow: the growing call
  PointerUse ValueFate;      // what happens to the assignment's own value
  bool HasValueFate = false;
};

bool isMain(const FunctionDecl &F) { return F.isMain(); }

// A body of more than 64 KiB of source (an interpreter's dispatch loop:
// sqlite3VdbeExec is 270 KiB) is skipped: its CFG and indexes would cost a
// quarter of the rule's time on sqlite3.c for the least likely findings.
bool isHuge(const FunctionDecl &F) {
  const SourceManager &SM = F.getASTContext().getSourceManager();
  SourceRange Range = F.getBody()->getSourceRange();
  SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
  SourceLocation End = SM.getExpansionLoc(Range.getEnd());
  if (SM.getFileID(Begin) != SM.getFileID(End))
    return true;
  return SM.getFileOffset(End) - SM.getFileOffset(Begin) > 65536;
}

// "malloc()", "new", or "its allocations" when the sites differ.
std::string allocatorName(llvm::ArrayRef<const Expr *> Sites) {
  std::string Name;
  for (const Expr *Site : Sites) {
    std::string This = "its allocation";
    if (const auto *Call = dyn_cast<CallExpr>(Site)) {
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Callee->getIdentifier())
          This = Callee->getName().str() + "()";
    } else if (const auto *New = dyn_cast<CXXNewExpr>(Site)) {
      This = New->isArray() ? "new[]" : "new";
    }
    if (!Name.empty() && Name != This)
      return "its allocations";
    Name = This;
  }
  return Name.empty() ? "its allocation" : Name;
}

} // namespace

LeakOnReturnCheck::LeakOnReturnCheck(CheckContext &Ctx)
    : Check(MR_RULE_LEAK_ON_RETURN, Ctx) {}

LeakOnReturnCheck::~LeakOnReturnCheck() = default;

std::vector<std::string> LeakOnReturnCheck::triggers() const {
  return allocationSiteTriggers(Ctx.Allocators);
}

void LeakOnReturnCheck::registerMatchers(MatchFinder &Finder) {
  addAllocationSiteMatchers(Finder, this, Ctx.Allocators,
                            Ctx.AST.getLangOpts().CPlusPlus, "alloc", "alloc");
}

void LeakOnReturnCheck::run(const MatchFinder::MatchResult &Result) {
  const auto *Alloc = Result.Nodes.getNodeAs<Expr>("alloc");
  if (!Alloc)
    return;
  Allocation A;
  if (!allocationOf(Alloc, Ctx.Allocators, A))
    return;
  SourceLocation Loc = Alloc->getBeginLoc();
  if (!wants(Loc))
    return;
  const FunctionBody *BodyOrNull = Ctx.Functions.nonTemplateBodyAround(*Alloc);
  if (!BodyOrNull || isMain(BodyOrNull->function()) || isHuge(BodyOrNull->function()))
    return;
  const FunctionBody &Body = *BodyOrNull;
  const FunctionDecl *Function = &Body.function();

  // The local that receives the block: `T *p = alloc(...)` or `p = alloc(...)`.
  const VarDecl *Var = nullptr;
  const Stmt *P = Body.parentIgnoringParenCasts(Alloc);
  while (P && isa<ExprWithCleanups>(P))
    P = Body.parentIgnoringParenCasts(P);
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(P)) {
    if (Assign->getOpcode() == BO_Assign && ignoreCastsAndCleanups(Assign->getRHS()) == Alloc)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParens()))
        Var = dyn_cast<VarDecl>(Ref->getDecl());
  } else if (const auto *Decl = dyn_cast_or_null<DeclStmt>(P)) {
    for (const auto *D : Decl->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (V->getInit() && ignoreCastsAndCleanups(V->getInit()) == Alloc)
          Var = V;
  }
  if (!Var || !Var->hasLocalStorage() || !Var->getType()->isPointerType() ||
      Var->hasAttr<CleanupAttr>() || Var->getType().isVolatileQualified())
    return;
  if (!Done.insert(Var).second)
    return;
  analyse(*Function, *Var);
}

void LeakOnReturnCheck::analyse(const FunctionDecl &F, const VarDecl &Var) {
  ASTContext &AST = Ctx.AST;
  if (!Escape)
    Escape.reset(new EscapeAnalysis(Ctx.Functions, Ctx.Allocators, AST));
  EscapeAnalysis &Escape = *this->Escape;
  const FunctionBody &Body = Ctx.Functions.body(F);
  const Stmt &Whole = *F.getBody();

  // What each reference, assignment and the declaration do to the variable.
  llvm::DenseMap<const Stmt *, PointerUse> Refs;
  llvm::DenseMap<const Stmt *, Assignment> Assigns;
  std::vector<const Stmt *> Releases;
  auto Classify = [&](const Expr *Value, const Stmt *Whole) {
    Assignment As;
    if (allocationOf(Value, Ctx.Allocators, As.Alloc)) {
      As.Kind = Assignment::Fresh;
    } else if (Value && Value->isNullPointerConstant(
                            AST, Expr::NPC_ValueDependentIsNotNull)) {
      As.Kind = Assignment::NullValue;
    } else if (const auto *Call = dyn_cast_or_null<CallExpr>(ignoreCastsAndCleanups(Value))) {
      if (Ctx.Allocators.calleeFamily(*Call))
        for (const Expr *Arg : Call->arguments())
          if (refersTo(Arg, Var)) {
            As.Kind = Assignment::Grow;
            As.Site = Call;
          }
    }
    return As;
  };
  for (const VarUse &Use : findUses(Var, Whole, Body)) {
    if (Use.Kind == UseKind::AddressTaken || Use.Ref->refersToEnclosingVariableOrCapture())
      return; // written or kept through its address, or by a closure
    PointerUse U = Escape.fateOf(*Use.Ref, Var, Body);
    Refs[Use.Ref] = U;
    if (U.Fate == PointerFate::Released && U.At)
      Releases.push_back(U.At);
    if (U.Fate == PointerFate::Reassigned) {
      const Stmt *Parent = Body.parent(Use.Ref);
      while (Parent && isa<ParenExpr>(Parent))
        Parent = Body.parent(Parent);
      const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent);
      if (!Assign)
        return;
      Assignment As = Classify(Assign->getRHS(), Assign);
      As.ValueFate = Escape.fateOf(*Assign, Var, Body, false);
      As.HasValueFate = true;
      Assigns[Assign] = As;
    }
  }
  Assignment Declared;
  if (Var.getInit())
    Declared = Classify(Var.getInit(), nullptr);
  else if (!isa<ParmVarDecl>(&Var))
    Declared.Kind = Assignment::OtherValue;

  const CFG *Graph = Ctx.Functions.cfg(F, AST);
  if (!Graph)
    return;

  auto ApplyAssignment = [&](State &S, const Assignment &As) {
    switch (As.Kind) {
    case Assignment::Fresh:
      S.set(As.Alloc.NeverNull ? Owned : (Owned | Null));
      S.Sites.assign(1, As.Alloc.Site);
      break;
    case Assignment::Grow:
      // p = realloc(p, n): the same block goes on (or a fresh one when p
      // was null); when the old value was not ours, neither is the result.
      if (!S.Mask || (S.Mask & Other)) {
        S.set(Other);
      } else {
        if (!(S.Mask & Owned))
          S.Sites.assign(1, As.Site);
        S.Mask = Owned | Null;
      }
      break;
    case Assignment::NullValue:
      S.set(Null);
      break;
    case Assignment::OtherValue:
      S.set(Other);
      break;
    }
  };
  auto ApplyUse = [](State &S, const PointerUse &U) {
    switch (U.Fate) {
    case PointerFate::Borrowed:
    case PointerFate::Reassigned:
      break;
    case PointerFate::Dereferenced:
      if (S.Mask & Owned)
        S.Mask &= ~Null;
      break;
    case PointerFate::Released:
    case PointerFate::Escapes:
      S.set(Other);
      break;
    }
  };
  // What each block does to the variable, in order: the elements that
  // mention it and the returns (found once; the fixpoint then skips the
  // rest of every block).
  struct Event {
    const Stmt *St;
    const PointerUse *Use = nullptr;
    const Assignment *Assign = nullptr; // with Use: the assignment's value fate
    bool IsReturn = false;
  };
  unsigned N = Graph->getNumBlockIDs();
  std::vector<std::vector<Event>> Events(N);
  std::vector<bool> Mentions(N, false);
  for (const CFGBlock *B : *Graph) {
    std::vector<Event> &List = Events[B->getBlockID()];
    for (const CFGElement &Element : *B) {
      auto CS = Element.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *St = CS->getStmt();
      Event E{St};
      if (const auto *DS = dyn_cast<DeclStmt>(St)) {
        if (!DS->isSingleDecl() || DS->getSingleDecl() != &Var)
          continue;
        E.Assign = &Declared;
      } else if (isa<ReturnStmt>(St)) {
        E.IsReturn = true;
      } else {
        if (!isa<DeclRefExpr>(St) && !isa<BinaryOperator>(St))
          continue;
        auto R = Refs.find(St);
        auto As = Assigns.find(St);
        if (R != Refs.end())
          E.Use = &R->second;
        else if (As != Assigns.end()) {
          E.Assign = &As->second;
          if (As->second.HasValueFate)
            E.Use = &As->second.ValueFate;
        } else
          continue;
      }
      if (!E.IsReturn)
        Mentions[B->getBlockID()] = true;
      List.push_back(E);
    }
  }
  auto Step = [&](State &S, const Event &E) {
    if (E.Assign)
      ApplyAssignment(S, *E.Assign);
    if (E.Use)
      ApplyUse(S, *E.Use);
  };
  // The state along the edge to successor Index of B.
  auto Refine = [&](const CFGBlock &B, unsigned Index, State S) {
    if (B.succ_size() != 2 || isa_and_nonnull<SwitchStmt>(B.getTerminatorStmt()))
      return S;
    const auto *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition());
    int Test = nullTest(Cond, Var, AST);
    if (Test == 0)
      return S;
    bool NonNull = (Test > 0) == (Index == 0);
    S.Mask &= NonNull ? ~Null : ~Owned;
    if (!(S.Mask & Owned))
      S.Sites.clear();
    return S;
  };

  std::vector<State> In(N);
  const CFGBlock &Entry = Graph->getEntry();
  In[Entry.getBlockID()].set(Other);
  std::deque<const CFGBlock *> Work{&Entry};
  std::vector<bool> Queued(N, false);
  Queued[Entry.getBlockID()] = true;
  unsigned Budget = 64 * N + 64;
  while (!Work.empty()) {
    if (Budget-- == 0)
      return; // give up rather than guess
    const CFGBlock *B = Work.front();
    Work.pop_front();
    Queued[B->getBlockID()] = false;
    State S = In[B->getBlockID()];
    for (const Event &E : Events[B->getBlockID()])
      Step(S, E);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      const CFGBlock *To = Succ.getReachableBlock();
      unsigned I = Index++;
      if (!To)
        continue;
      State Edge = Refine(*B, I, S);
      if (!Edge.Mask)
        continue;
      State Joined = In[To->getBlockID()];
      Joined.join(Edge);
      if (Joined != In[To->getBlockID()]) {
        In[To->getBlockID()] = Joined;
        if (!Queued[To->getBlockID()]) {
          Queued[To->getBlockID()] = true;
          Work.push_back(To);
        }
      }
    }
  }

  // Backwards: may a path from a block mention the variable, and does one
  // reach the exit (not only noreturn calls)?
  std::vector<bool> Touch(N, false), ReachesExit(N, false);
  ReachesExit[Graph->getExit().getBlockID()] = true;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const CFGBlock *B : *Graph) {
      unsigned Id = B->getBlockID();
      bool T = Mentions[Id], X = ReachesExit[Id];
      if (B->hasNoReturnElement())
        continue; // abort(), exit(): the path ends here
      for (const CFGBlock::AdjacentBlock &Succ : B->succs())
        if (const CFGBlock *To = Succ.getReachableBlock()) {
          T = T || Touch[To->getBlockID()];
          X = X || ReachesExit[To->getBlockID()];
        }
      if (T != Touch[Id] || X != ReachesExit[Id]) {
        Touch[Id] = T;
        ReachesExit[Id] = X;
        Changed = true;
      }
    }
  }

  // The leaks: gotos first, then returns not already behind a reported goto.
  struct Leak {
    const Stmt *At;
    State S;
    const LabelDecl *Label = nullptr;
  };
  std::vector<Leak> Leaks;
  llvm::SmallPtrSet<const CFGBlock *, 8> Covered;
  std::vector<std::pair<const Stmt *, State>> Returns;
  for (const CFGBlock *B : *Graph) {
    State S = In[B->getBlockID()];
    if (!S.Mask)
      continue;
    for (const Event &E : Events[B->getBlockID()]) {
      Step(S, E);
      if (E.IsReturn && S.leaks())
        Returns.push_back({E.St, S});
    }
    const auto *Goto = dyn_cast_or_null<GotoStmt>(B->getTerminatorStmt());
    if (!Goto || !S.leaks() || B->succ_size() != 1)
      continue;
    const CFGBlock *Target = B->succ_begin()->getReachableBlock();
    if (!Target || Touch[Target->getBlockID()] || !ReachesExit[Target->getBlockID()])
      continue;
    Leaks.push_back({Goto, S, Goto->getLabel()});
    // What the target reaches is this leak's, not another one.
    std::vector<const CFGBlock *> Stack{Target};
    while (!Stack.empty()) {
      const CFGBlock *X = Stack.back();
      Stack.pop_back();
      if (!Covered.insert(X).second)
        continue;
      for (const CFGBlock::AdjacentBlock &Succ : X->succs())
        if (const CFGBlock *To = Succ.getReachableBlock())
          Stack.push_back(To);
    }
  }
  if (!Covered.empty()) {
    // Returns in covered blocks belong to the goto.
    llvm::SmallPtrSet<const Stmt *, 8> CoveredReturns;
    for (const CFGBlock *B : Covered)
      for (const Event &E : Events[B->getBlockID()])
        if (E.IsReturn)
          CoveredReturns.insert(E.St);
    Returns.erase(std::remove_if(Returns.begin(), Returns.end(),
                                 [&](const std::pair<const Stmt *, State> &R) {
                                   return CoveredReturns.count(R.first) > 0;
                                 }),
                  Returns.end());
  }
  for (const auto &R : Returns)
    Leaks.push_back({R.first, R.second});

  const SourceManager &SM = AST.getSourceManager();
  std::sort(Releases.begin(), Releases.end(), [&SM](const Stmt *A, const Stmt *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  });
  std::string Name = "'" + Var.getName().str() + "'";
  for (const Leak &L : Leaks) {
    SourceLocation Loc = L.At->getBeginLoc();
    if (!wants(Loc))
      continue;
    std::string What = Name + " (from " + allocatorName(L.S.Sites) + ")";
    Finding Fd = finding(Loc, "");
    Fd.Owner = &F;
    if (L.Label)
      Fd.Message = What + " leaks through this goto: the code at '" +
                   L.Label->getName().str() +
                   "' neither releases nor keeps the block, so its memory is "
                   "lost each time this path runs; release it there or before "
                   "the jump";
    else
      Fd.Message = What + " leaks on this return: the block is neither "
                          "released nor kept on this path, so its memory is "
                          "lost each time the path runs; release it before "
                          "returning";
    std::vector<const Expr *> Sites(L.S.Sites.begin(), L.S.Sites.end());
    std::sort(Sites.begin(), Sites.end(), [&SM](const Expr *A, const Expr *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    for (const Expr *Site : Sites)
      Fd.Notes.push_back({Site->getBeginLoc(), Name + " is allocated here"});
    if (!Releases.empty())
      Fd.Notes.push_back({Releases.front()->getBeginLoc(),
                          Name + " is released on the other paths here"});
    Ctx.Report.report(Fd);
  }
}

} // namespace memrules
