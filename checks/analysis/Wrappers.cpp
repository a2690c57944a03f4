#include "Wrappers.h"

#include "AllocationSites.h"
#include "Allocators.h"
#include "Escape.h"
#include "FunctionIndex.h"
#include "LoopFacts.h"
#include "StmtWalk.h"
#include "VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace clang;

namespace memrules {
namespace {

// What the values a wrapper returns have in common so far.
struct Returns {
  const AllocatorFamily *Family = nullptr;
  bool Fresh = false;       // some return hands out a fresh block
  bool Conflict = false;    // two families, or a value that is not fresh
  bool MayBeNull = false;   // some return may be null
  bool FamilyNull = false;  // an allocation behind a return may be null
  bool Aborts = false;      // a null test of the returned local ends the program
};

bool isNull(const Expr *E, ASTContext &AST) {
  return E->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

// Is E a fresh block of one family? Notes the family in R.
bool fresh(const Expr *E, const AllocatorModel &Model, Returns &R) {
  Allocation A;
  if (!allocationOf(E, Model, A) || !A.Family)
    return false; // `new` wrappers are not modelled
  if (R.Family && R.Family != A.Family)
    R.Conflict = true;
  R.Family = A.Family;
  R.FamilyNull = R.FamilyNull || !A.NeverNull;
  return true;
}

// Does S end the program: a noreturn call, or a block whose last
// statement does?
bool endsProgram(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && endsProgram(Block->body_back());
  return S && isNoReturnCall(S);
}

// Is Var tested for null somewhere in Body? Notes in R whether such a test
// ends the program when Var is null (`if (!p) abort();`).
bool isNullTested(const Stmt &Body, const VarDecl &Var, ASTContext &AST, Returns &R) {
  bool Tested = false;
  forEachStmt(&Body, [&](const Stmt *S) {
    const Expr *Cond = nullptr;
    const Stmt *OnNull = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      Cond = If->getCond();
      int Test = Cond ? nullTest(Cond, Var, AST) : 0;
      OnNull = Test < 0 ? If->getThen() : Test > 0 ? If->getElse() : nullptr;
    } else if (const auto *Ternary = dyn_cast<ConditionalOperator>(S)) {
      Cond = Ternary->getCond();
    }
    Tested = Tested || (Cond && nullTest(Cond, Var, AST) != 0);
    R.Aborts = R.Aborts || endsProgram(OnNull);
  });
  return Tested;
}

// The local a wrapper returns: every value it holds is a fresh block (of
// R's family) or null, and everything else the function does with it is a
// borrow: no alias, no escape, no release, no arithmetic.
bool onlyHoldsFresh(const VarDecl &Var, const FunctionBody &Body,
                    EscapeAnalysis &Escape, const AllocatorModel &Model,
                    ASTContext &AST, Returns &R) {
  if (!Var.hasLocalStorage() || isa<ParmVarDecl>(&Var) ||
      !Var.getType()->isPointerType() || Var.getType().isVolatileQualified() ||
      Var.hasAttr<CleanupAttr>())
    return false;
  if (const Expr *Init = Var.getInit())
    if (!isNull(Init, AST) && !fresh(Init, Model, R))
      return false;
  const Stmt &Whole = *Body.function().getBody();
  for (const VarUse &Use : findUses(Var, Whole, Body)) {
    switch (Use.Kind) {
    case UseKind::Returned:
      continue;
    case UseKind::Assigned: {
      const Stmt *P = Body.parentIgnoringParenCasts(Use.Ref);
      const auto *Assign = dyn_cast_or_null<BinaryOperator>(P);
      if (!Assign || (!isNull(Assign->getRHS(), AST) && !fresh(Assign->getRHS(), Model, R)))
        return false;
      continue;
    }
    case UseKind::Modified:
    case UseKind::AddressTaken:
    case UseKind::Stored:
      return false;
    default:
      break;
    }
    PointerFate Fate = Escape.fateOf(*Use.Ref, Var, Body).Fate;
    if (Fate != PointerFate::Borrowed && Fate != PointerFate::Dereferenced)
      return false;
  }
  if (!isNullTested(Whole, Var, AST, R))
    R.MayBeNull = true; // the allocator's NULL flows straight out
  return true;
}

bool inferAllocator(const FunctionDecl &F, AllocatorModel &Model,
                    FunctionIndex &Functions, ASTContext &AST) {
  if (!F.getReturnType()->isPointerType())
    return false;
  const Stmt *Whole = F.getBody();
  std::vector<const ReturnStmt *> Rets;
  forEachStmt(Whole, [&Rets](const Stmt *S) {
    if (const auto *Ret = dyn_cast<ReturnStmt>(S))
      Rets.push_back(Ret);
  });
  Returns R;
  const FunctionBody &Body = Functions.body(F);
  EscapeAnalysis Escape(Functions, Model, AST);
  llvm::SmallPtrSet<const VarDecl *, 2> Locals;
  for (const ReturnStmt *Ret : Rets) {
    const Expr *Value = Ret->getRetValue();
    if (!Value || R.Conflict)
      return false;
    if (isNull(Value, AST)) {
      R.MayBeNull = true;
      continue;
    }
    if (fresh(Value, Model, R)) {
      R.Fresh = true;
      R.MayBeNull = true; // returned untested
      continue;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(ignoreCastsAndCleanups(Value));
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var)
      return false;
    if (Locals.insert(Var).second &&
        !onlyHoldsFresh(*Var, Body, Escape, Model, AST, R))
      return false;
  }
  if (!R.Family || R.Conflict)
    return false;
  // Unknown (tested, but the failure path goes on) is not judged by
  // unchecked-alloc, and not printed as never-null.
  Model.addInferredAllocator(F, *R.Family, !(R.MayBeNull && R.FamilyNull),
                             !R.FamilyNull || (R.Aborts && !R.MayBeNull));
  return true;
}

// The release of Param that runs whenever the function does: a statement
// of the body, or of blocks, `do { } while (0)` and `if (param)` guards
// without else inside it.
const CallExpr *unconditionalRelease(const Stmt *S, const ParmVarDecl &Param,
                                     const AllocatorModel &Model, ASTContext &AST) {
  if (!S)
    return nullptr;
  if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : Block->body())
      if (const CallExpr *Call = unconditionalRelease(Child, Param, Model, AST))
        return Call;
    return nullptr;
  }
  if (const auto *If = dyn_cast<IfStmt>(S))
    return !If->getElse() && !If->getInit() && !If->getConditionVariable() &&
                   nullTest(If->getCond(), Param, AST) == 1
               ? unconditionalRelease(If->getThen(), Param, Model, AST)
               : nullptr;
  if (const auto *Do = dyn_cast<DoStmt>(S)) {
    const auto *Zero = dyn_cast<IntegerLiteral>(Do->getCond()->IgnoreParenImpCasts());
    return Zero && Zero->getValue() == 0
               ? unconditionalRelease(Do->getBody(), Param, Model, AST)
               : nullptr;
  }
  const auto *E = dyn_cast<Expr>(S);
  const auto *Call = E ? dyn_cast<CallExpr>(ignoreCastsAndCleanups(E)) : nullptr;
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Model.releases(*Callee))
    return nullptr;
  const Expr *Released = releasedArgument(*Call, *Callee);
  return Released && refersTo(ignoreCastsAndCleanups(Released), Param) ? Call : nullptr;
}

bool inferReleaser(const FunctionDecl &F, AllocatorModel &Model,
                   FunctionIndex &Functions, ASTContext &AST) {
  int Index = releasedParameter(F);
  if (Index < 0 || !F.getParamDecl(Index)->getType()->isPointerType())
    return false;
  const ParmVarDecl &Param = *F.getParamDecl(Index);
  const CallExpr *Release = unconditionalRelease(F.getBody(), Param, Model, AST);
  if (!Release)
    return false;
  const FunctionBody &Body = Functions.body(F);
  for (const VarUse &Use : findUses(Param, *F.getBody(), Body))
    if (Use.Kind == UseKind::Assigned || Use.Kind == UseKind::Modified ||
        Use.Kind == UseKind::AddressTaken)
      return false;
  const FunctionDecl &Callee = *Release->getDirectCallee();
  if (Callee.getCanonicalDecl() == F.getCanonicalDecl())
    return false;
  std::vector<const AllocatorFamily *> Families = Model.releasingFamilies(Callee);
  if (Families.empty())
    return false;
  Model.addInferredReleaser(F, Families);
  return true;
}

// "libc", "sqlite3", "the family of xmalloc" (policy families are unnamed).
std::string describe(const AllocatorFamily &Family) {
  if (Family.Name == "policy" && !Family.Allocators.empty())
    return "the family of " + Family.Allocators.front();
  return Family.Name;
}

std::string list(const std::vector<std::string> &Names) {
  std::string Out = "[";
  for (const std::string &Name : Names)
    Out += (Out.size() > 1 ? ", " : "") + Name;
  return Out + "]";
}

void addOnce(std::vector<std::string> &Names, const std::string &Name) {
  if (std::find(Names.begin(), Names.end(), Name) == Names.end())
    Names.push_back(Name);
}

} // namespace

void printWrapperPolicy(const AllocatorModel &Model, llvm::StringRef File,
                        llvm::raw_ostream &OS) {
  using Wrapper = AllocatorModel::Wrapper;
  struct Group {
    const AllocatorFamily *Family;
    bool NeverNull;
    std::vector<std::string> Alloc;
  };
  std::vector<Group> Groups;
  for (const Wrapper &W : Model.inferredWrappers()) {
    if (!W.Allocates)
      continue;
    auto It = std::find_if(Groups.begin(), Groups.end(), [&W](const Group &G) {
      return G.Family == W.Families.front() && G.NeverNull == W.SureNeverNull;
    });
    if (It == Groups.end())
      It = Groups.insert(Groups.end(), {W.Families.front(), W.SureNeverNull, {}});
    addOnce(It->Alloc, W.Function->getName().str());
  }
  OS << "# memrules: allocator wrappers inferred in " << File << "\n";
  if (!Groups.empty())
    OS << "allocators:\n";
  for (const Group &G : Groups) {
    std::vector<std::string> Free = G.Family->Releasers;
    for (const Wrapper &W : Model.inferredWrappers())
      if (!W.Allocates && std::count(W.Families.begin(), W.Families.end(), G.Family))
        addOnce(Free, W.Function->getName().str());
    OS << "  - alloc: " << list(G.Alloc) << "    # wrap " << describe(*G.Family) << "\n"
       << "    free: " << list(Free) << "\n";
    if (G.NeverNull)
      OS << "    never-null: true\n";
  }
  for (const Wrapper &W : Model.inferredWrappers()) {
    if (W.Allocates)
      continue;
    bool Paired = false;
    for (const Group &G : Groups)
      Paired = Paired || std::count(W.Families.begin(), W.Families.end(), G.Family);
    if (!Paired)
      OS << "# " << W.Function->getName() << " is a deallocator of "
         << describe(*W.Families.front()) << "\n";
  }
}

bool inferWrapper(const FunctionDecl &F, AllocatorModel &Model,
                  FunctionIndex &Functions, ASTContext &AST) {
  if (!F.doesThisDeclarationHaveABody() || !F.getIdentifier() ||
      isa<CXXMethodDecl>(&F) || F.isDependentContext() || F.isMain() ||
      containsClosure(F.getBody()))
    return false;
  return inferAllocator(F, Model, Functions, AST) ||
         inferReleaser(F, Model, Functions, AST);
}

} // namespace memrules
