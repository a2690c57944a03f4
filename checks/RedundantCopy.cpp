// redundant-copy, C form: a heap copy of a string or buffer that is only
// read and freed, while its source provably stays as it was.
#include "RedundantCopy.h"

#include "analysis/ReadOnlyUses.h"
#include "analysis/SourceText.h"
#include "analysis/StmtWalk.h"
#include "analysis/VarUses.h"

#include "../plugin/Compat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

const char *const FillNames[] = {"memcpy", "strcpy", "__builtin_memcpy",
                                 "__builtin___memcpy_chk", "__builtin_strcpy",
                                 "__builtin___strcpy_chk"};

bool isFamilyStrdup(StringRef Name) {
  return endsWith(Name.lower(), "strdup");
}

// A local pointer or array variable (parameters included), or null.
const VarDecl *localVariable(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      Var->getType().isVolatileQualified())
    return nullptr;
  QualType T = Var->getType();
  return T->isPointerType() || T->isArrayType() ? Var : nullptr;
}

} // namespace

// One candidate copy: Q receives a copy of S made at Start (the strdup, or
// the allocation that Fill then fills).
struct CopySite {
  const CallExpr *Start = nullptr;
  const CallExpr *Fill = nullptr; // memcpy / strcpy, or null for strdup
  const VarDecl *Q = nullptr;
  const VarDecl *S = nullptr;
  const AllocatorFamily *Family = nullptr;
  const BinaryOperator *Assign = nullptr; // `q = start`, when not an initialiser
  const CallExpr *Release = nullptr;
  SourceLocation Last; // the copy's last use
};

namespace {

// `T *q = call;` or `q = call;` with q a local pointer (not a parameter):
// fills Q and Assign.
bool receiver(const CallExpr &Call, const FunctionBody &Body, CopySite &Site) {
  const Stmt *P = Body.parentIgnoringParenCasts(&Call);
  if (const auto *Decls = dyn_cast_or_null<DeclStmt>(P)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getInit() && ignoreCastsAndCleanups(Var->getInit()) == &Call)
          Site.Q = Var;
  } else if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(P)) {
    if (Assign->getOpcode() == BO_Assign &&
        ignoreCastsAndCleanups(Assign->getRHS()) == &Call)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParens()))
        if ((Site.Q = dyn_cast<VarDecl>(Ref->getDecl())))
          Site.Assign = Assign;
  }
  return Site.Q && Site.Q->hasLocalStorage() && !isa<ParmVarDecl>(Site.Q) &&
         Site.Q->getType()->isPointerType();
}

class RegionCalls : public RecursiveASTVisitor<RegionCalls> {
public:
  RegionCalls(const SourceManager &SM, SourceRange Region) : SM(SM), Region(Region) {}
  bool VisitCallExpr(CallExpr *Call) {
    SourceLocation At = Call->getBeginLoc();
    if (!SM.isBeforeInTranslationUnit(At, Region.getBegin()) &&
        !SM.isBeforeInTranslationUnit(Region.getEnd(), At))
      Calls.push_back(Call);
    return true;
  }
  const SourceManager &SM;
  SourceRange Region;
  std::vector<const CallExpr *> Calls;
};

class CopyJudge {
public:
  CopyJudge(CopySite &Site, const FunctionBody &Body, const AllocatorModel &Model)
      : Site(Site), Body(Body), Model(Model),
        SM(Body.function().getASTContext().getSourceManager()) {}

  bool judge() {
    return copyOnlyRead() && sourceUnchanged() && noCallChangesSource();
  }

private:
  bool before(SourceLocation A, SourceLocation B) const {
    return SM.isBeforeInTranslationUnit(A, B);
  }
  bool inRegion(SourceLocation At) const {
    return !before(At, Site.Start->getBeginLoc()) && !before(Site.Last, At);
  }
  bool inCopy(const Stmt *S) const {
    return Body.isWithin(S, Site.Start) || (Site.Fill && Body.isWithin(S, Site.Fill));
  }

  // q is defined once, by the copy, then only read, and released in the
  // function; every use follows the copy in the same iteration.
  bool copyOnlyRead() {
    const VarDecl &Q = *Site.Q;
    if (Site.Assign) {
      const Expr *Init = Q.getInit();
      if (Init && !Init->isNullPointerConstant(Q.getASTContext(),
                                               Expr::NPC_ValueDependentIsNotNull))
        return false;
    }
    const Stmt *Loop = Body.innermostLoop(Site.Start);
    for (const DeclRefExpr *Ref : Body.references(Q)) {
      if (Site.Assign && Site.Assign->getLHS()->IgnoreParens() == Ref)
        continue;
      if (Site.Fill && Site.Fill->getArg(0)->IgnoreParenImpCasts() == Ref)
        continue;
      if (!before(Site.Start->getBeginLoc(), Ref->getBeginLoc()) ||
          (Loop && !Body.isWithin(Ref, Loop)))
        return false;
      if (before(Site.Last, Ref->getEndLoc()) || Site.Last.isInvalid())
        Site.Last = Ref->getEndLoc();
      if (const CallExpr *Call = releaseOf(*Ref)) {
        Site.Release = Site.Release ? Site.Release : Call;
        continue;
      }
      if (!onlyReads(*Ref, Body))
        return false;
    }
    return Site.Release != nullptr;
  }

  const CallExpr *releaseOf(const DeclRefExpr &Ref) const {
    const auto *Call = dyn_cast_or_null<CallExpr>(Body.parentIgnoringParenCasts(&Ref));
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      return nullptr;
    // A preset's sub-families share their releaser: match by family name.
    for (const AllocatorFamily *Family : Model.releasingFamilies(*Callee))
      if (Family->Name == Site.Family->Name) {
        const Expr *Released = releasedArgument(*Call, *Callee);
        return Released && Released->IgnoreParenCasts() == &Ref ? Call : nullptr;
      }
    return nullptr;
  }

  // s is never aliased, and nothing writes it (or the variables it was
  // taken from) while q is live.
  bool sourceUnchanged() {
    const VarDecl &S = *Site.S;
    std::vector<const VarDecl *> Roots = {&S}, Origins;
    bool UsesThis = false;
    auto AddOrigins = [&](const Expr *From) {
      for (const VarDecl *Var : variablesIn(*From, UsesThis))
        Origins.push_back(Var);
      // s may point into a buffer its producer reuses (a project's
      // format_addr() with a static result): calling it again while q is
      // live may rewrite s, which is why the copy was made.
      // (An allocator's results are fresh blocks, never reused.)
      forEachStmt(From, [this](const Stmt *E) {
        if (const auto *Call = dyn_cast<CallExpr>(E))
          if (const FunctionDecl *Callee = Call->getDirectCallee())
            if (!Model.allocates(*Callee))
              Producers.insert(Callee->getCanonicalDecl());
      });
    };
    if (S.getInit() && !isa<ParmVarDecl>(S))
      AddOrigins(S.getInit());
    for (const VarUse &Use : findUses(S, *Body.function().getBody(), Body)) {
      if (Use.Kind == UseKind::AddressTaken || Use.Kind == UseKind::Stored ||
          Use.Ref->refersToEnclosingVariableOrCapture())
        return false;
      if (Use.Kind == UseKind::Assigned)
        if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Body.parent(Use.Ref)))
          AddOrigins(Assign->getRHS());
    }
    if (UsesThis)
      return false; // a member of the object: any method may change it
    for (const VarDecl *Root : Origins) {
      // A global may change under any call; not judged.
      if (!Root->hasLocalStorage())
        return false;
      Roots.push_back(Root);
    }
    for (const VarDecl *Root : Roots)
      for (const DeclRefExpr *Ref : Body.references(*Root))
        if (inRegion(Ref->getBeginLoc()) && !inCopy(Ref) && !onlyReads(*Ref, Body))
          return false;
    return true;
  }

  // No call while q is live may free or reuse memory s could point into:
  // no release but q's own, no realloc, no static-buffer function, no
  // second call of the function s came from, and no
  // call through a pointer (a user callback may do anything: sqlite3
  // copies a collation name before handing it to one).
  bool noCallChangesSource() {
    RegionCalls Calls(SM, SourceRange(Site.Start->getBeginLoc(), Site.Last));
    Calls.TraverseStmt(const_cast<Stmt *>(Body.function().getBody()));
    for (const CallExpr *Call : Calls.Calls) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee)
        return false;
      if (reusesStaticBuffer(*Callee) || Model.isGrow(*Call) ||
          Producers.count(Callee->getCanonicalDecl()))
        return false;
      if (Model.releasingFamilies(*Callee).empty())
        continue;
      const Expr *Released = releasedArgument(*Call, *Callee);
      if (!Released || !refersTo(Released, *Site.Q))
        return false;
    }
    return true;
  }

  CopySite &Site;
  const FunctionBody &Body;
  const AllocatorModel &Model;
  const SourceManager &SM;
  // The functions whose results s was taken from.
  llvm::SmallPtrSet<const FunctionDecl *, 4> Producers;
};

} // namespace

std::vector<std::string> RedundantCopyCheck::strdupNames() const {
  std::vector<std::string> Names = {"strdup", "strndup"};
  for (const std::string &Name : Ctx.Allocators.allocatorNames())
    if (isFamilyStrdup(Name) && Name != "strdup")
      Names.push_back(Name);
  return Names;
}

// Every C form starts with an allocation (strdup, or the malloc that
// memcpy fills): bodies that only copy with memcpy are never walked.
std::vector<std::string> RedundantCopyCheck::triggers() const {
  return Ctx.Allocators.allocatorNames();
}

void RedundantCopyCheck::registerMatchers(MatchFinder &Finder) {
  auto NotSystem = unless(isExpansionInSystemHeader());
  std::vector<std::string> Dups = strdupNames();
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName(std::vector<StringRef>(Dups.begin(), Dups.end())))),
               NotSystem)
          .bind("dup"),
      this);
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName(std::vector<StringRef>(
                   std::begin(FillNames), std::end(FillNames))))),
               NotSystem)
          .bind("fill"),
      this);
  if (Ctx.AST.getLangOpts().CPlusPlus)
    registerCxxMatchers(Finder);
}

void RedundantCopyCheck::run(const MatchFinder::MatchResult &Result) {
  if (const auto *Dup = Result.Nodes.getNodeAs<CallExpr>("dup"))
    judgeStrdup(*Dup);
  else if (const auto *Fill = Result.Nodes.getNodeAs<CallExpr>("fill"))
    judgeFill(*Fill);
  else
    runCxx(Result);
}

// Judges Site and reports it: at the copying call, with notes at the
// release and the source's declaration.
void RedundantCopyCheck::judgeSite(CopySite &Site, const FunctionBody &Body,
                                   const CallExpr &Copy) {
  if (!Site.S || Site.S == Site.Q || !CopyJudge(Site, Body, Ctx.Allocators).judge())
    return;
  std::string Q = Site.Q->getName().str(), S = Site.S->getName().str();
  Finding F = finding(Copy.getBeginLoc(),
                      "'" + Q + "' is a heap copy of '" + S +
                          "' that is only read and then freed while '" + S +
                          "' stays unchanged; read '" + S +
                          "' directly instead of allocating and copying");
  if (Site.Fill)
    F.Notes.push_back({Site.Start->getBeginLoc(), "'" + Q + "' is allocated here"});
  F.Notes.push_back({Site.Release->getBeginLoc(), "'" + Q + "' is freed here"});
  F.Notes.push_back({Site.S->getLocation(), "'" + S + "' is declared here"});
  F.Owner = &Body.function();
  F.InLoop = Body.innermostLoop(&Copy) != nullptr;
  Ctx.Report.report(F);
}

// q = strdup(s), strndup(s, strlen(s)), or a family's strdup of s.
void RedundantCopyCheck::judgeStrdup(const CallExpr &Copy) {
  const FunctionDecl *Callee = Copy.getDirectCallee();
  SourceLocation Loc = Copy.getBeginLoc();
  if (!Callee || Copy.getNumArgs() == 0 || Loc.isMacroID() || !wants(Loc))
    return;
  CopySite Site;
  Site.Start = &Copy;
  Site.Family = Ctx.Allocators.allocation(Copy);
  if (!Site.Family)
    return;
  StringRef Name = Callee->getName();
  bool Libc = isLibcDeclaration(*Callee) && (Name == "strdup" || Name == "strndup");
  if (Name == "strndup") {
    // A slice is never redundant: strndup NUL-terminates it. Only
    // strndup(s, strlen(s)) copies the whole string.
    const auto *Len = dyn_cast<CallExpr>(Copy.getArg(1)->IgnoreParenImpCasts());
    const FunctionDecl *LenCallee = Len ? Len->getDirectCallee() : nullptr;
    if (!Libc || !LenCallee || !LenCallee->getIdentifier() ||
        LenCallee->getName() != "strlen" || Len->getNumArgs() != 1 ||
        !sameLvalue(Len->getArg(0), Copy.getArg(0)))
      return;
    Site.S = localVariable(Copy.getArg(0));
  } else if (Libc) {
    Site.S = localVariable(Copy.getArg(0));
  } else {
    if (!isFamilyStrdup(Name))
      return; // a family's strndup: a slice
    Site.S = localVariable(Copy.getArg(Copy.getNumArgs() - 1));
  }
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(Copy);
  if (!Site.S || !Body || !receiver(Copy, *Body, Site))
    return;
  judgeSite(Site, *Body, Copy);
}

// q = malloc(n); memcpy(q, s, n) or strcpy(q, s).
void RedundantCopyCheck::judgeFill(const CallExpr &Fill) {
  SourceLocation Loc = Fill.getBeginLoc();
  if (Fill.getNumArgs() < 2 || Loc.isMacroID() || !wants(Loc))
    return;
  // Cheap tests first (memcpy is everywhere): a local pointer filled from
  // a local, holding an allocation or nothing yet.
  const auto *DestRef = dyn_cast<DeclRefExpr>(Fill.getArg(0)->IgnoreParenImpCasts());
  const auto *Q = DestRef ? dyn_cast<VarDecl>(DestRef->getDecl()) : nullptr;
  if (!Q || !Q->hasLocalStorage() || isa<ParmVarDecl>(Q) || !localVariable(Fill.getArg(1)))
    return;
  if (const Expr *Init = Q->getInit()) {
    const auto *Call = dyn_cast<CallExpr>(ignoreCastsAndCleanups(Init));
    if (Call ? !Ctx.Allocators.allocation(*Call)
             : !Init->isNullPointerConstant(Ctx.AST, Expr::NPC_ValueDependentIsNotNull))
      return;
  }
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(Fill);
  if (!Body)
    return;
  // The allocation q holds: its initialiser, or its one assignment.
  const Expr *Definition = Q->getInit();
  for (const DeclRefExpr *Ref : Body->references(*Q)) {
    const auto *Assign = dyn_cast_or_null<BinaryOperator>(Body->parent(Ref));
    if (Assign && Assign->getOpcode() == BO_Assign && Assign->getLHS()->IgnoreParens() == Ref) {
      if (Definition && Definition != Q->getInit())
        return; // assigned twice
      Definition = Assign->getRHS();
    }
  }
  const auto *Allocation =
      dyn_cast_or_null<CallExpr>(Definition ? ignoreCastsAndCleanups(Definition) : nullptr);
  CopySite Site;
  Site.Fill = &Fill;
  Site.Family = Allocation ? Ctx.Allocators.allocation(*Allocation) : nullptr;
  if (!Site.Family || !receiver(*Allocation, *Body, Site) || Site.Q != Q ||
      Body->innermostLoop(Allocation) != Body->innermostLoop(&Fill) ||
      !Ctx.AST.getSourceManager().isBeforeInTranslationUnit(Allocation->getBeginLoc(), Loc))
    return;
  std::vector<const Expr *> Size = Site.Family->Name == "libc"
                                       ? AllocatorModel::sizeOperands(*Allocation)
                                       : AllocatorModel::familySizeOperands(*Allocation);
  if (Size.size() != 1)
    return;
  StringRef Name = Fill.getDirectCallee()->getName();
  if (Name.contains("memcpy")) {
    // The whole block, and all of it: the same size expression.
    std::string Allocated, Copied;
    const LangOptions &LO = Ctx.AST.getLangOpts();
    const SourceManager &SM = Ctx.AST.getSourceManager();
    if (Fill.getNumArgs() < 3 ||
        !verbatim(Size[0]->getSourceRange(), SM, LO, Allocated) ||
        !verbatim(Fill.getArg(2)->getSourceRange(), SM, LO, Copied) ||
        Allocated != Copied)
      return;
  }
  // strcpy returns q: its result must be dropped, not a second name for q.
  const Stmt *User = Body->parent(&Fill);
  if (!User || isa<Expr>(User) || isa<DeclStmt>(User) || isa<ReturnStmt>(User))
    return;
  Site.Start = Allocation;
  Site.S = localVariable(Fill.getArg(1));
  judgeSite(Site, *Body, Fill);
}

} // namespace memrules
