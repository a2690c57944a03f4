#include "Census.h"

#include "../checks/analysis/ContainerGrowth.h"
#include "../checks/analysis/LoopFacts.h"
#include "../checks/analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {

static const char *const CopyCallees[] = {"memcpy", "memmove"};
// Member calls that may grow a container (ContainerGrowth.h says which do).
static const char *const GrowMethods[] = {"push_back", "emplace_back", "insert",
                                          "emplace", "append"};

Census::Census(CheckContext &Ctx)
    : Ctx(Ctx), Strings(Ctx.Allocators, Ctx.Functions, [&Ctx](llvm::StringRef Name) {
        return Ctx.Report.isLogFunction(Name);
      }) {
  AllocSites["libc"];
  AllocSites["c++"];
}

static std::string familyKey(const AllocatorFamily &Family) {
  return Family.Name == "libc" ? Family.Name : "policy:" + Family.Name;
}

static bool isCopyCallee(const Expr &Site) {
  const auto *Call = dyn_cast<CallExpr>(&Site);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier())
    return false;
  StringRef Name = Callee->getName();
  return std::find(std::begin(CopyCallees), std::end(CopyCallees), Name) !=
         std::end(CopyCallees);
}

// memcpy and memmove are matched but are not triggers: a copy counts only
// into a block allocated earlier in the same function, whose allocator name
// already makes the body walked (sqlite3.c has hundreds of other copies).
std::vector<std::string> Census::triggers() const {
  std::vector<std::string> Names = siteNames();
  for (std::string &Name : OutputStrings::triggers(Ctx.AST.getLangOpts().CPlusPlus))
    Names.push_back(std::move(Name));
  return Names;
}

// The callees (and `new`) of allocation and growth sites. (C++ bodies are
// all walked: the growth methods and `new` need not be triggers.)
std::vector<std::string> Census::siteNames() const {
  std::vector<std::string> Names = Ctx.Allocators.allocatorNames();
  for (const std::string &Name : Ctx.Allocators.growNames())
    Names.push_back(Name);
  return Names;
}

void Census::registerMatchers(MatchFinder &Finder) {
  OutputStrings::addMatchers(Finder, this, Ctx.AST.getLangOpts().CPlusPlus);
  std::vector<std::string> Names = siteNames();
  Names.insert(Names.end(), std::begin(CopyCallees), std::end(CopyCallees));
  std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  Finder.addMatcher(callExpr(callee(functionDecl(hasAnyName(NameRefs))),
                             unless(isExpansionInSystemHeader()))
                        .bind("call"),
                    this);
  if (!Ctx.AST.getLangOpts().CPlusPlus)
    return;
  Finder.addMatcher(cxxNewExpr(unless(isExpansionInSystemHeader())).bind("new"), this);
  Finder.addMatcher(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(std::vector<StringRef>(
                            std::begin(GrowMethods), std::end(GrowMethods))))),
                        unless(isExpansionInSystemHeader()))
          .bind("grow"),
      this);
  Finder.addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("+="),
                                        unless(isExpansionInSystemHeader()))
                        .bind("grow"),
                    this);
  // Copies of class objects: the copy constructor, and copy assignment
  // (which copies the contents too, if sometimes into the buffer it has).
  Finder.addMatcher(cxxConstructExpr(hasDeclaration(cxxConstructorDecl(isCopyConstructor())),
                                     unless(isExpansionInSystemHeader()))
                        .bind("copy"),
                    this);
  Finder.addMatcher(
      cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                          callee(cxxMethodDecl(isCopyAssignmentOperator())),
                          unless(isExpansionInSystemHeader()))
          .bind("copy"),
      this);
}

void Census::run(const MatchFinder::MatchResult &Result) {
  if (OutputStrings::isCandidate(Result)) {
    countOutputString(Result);
    return;
  }
  const FunctionBody *Body = nullptr;
  bool Hot = false;
  if (const auto *Copy = Result.Nodes.getNodeAs<Expr>("copy")) {
    if (isNonTrivialCopy(*Copy) && admit(*Copy, Body, Hot, CopyCounted))
      CopySites.add(Hot);
    return;
  }
  if (const auto *Grow = Result.Nodes.getNodeAs<CallExpr>("grow")) {
    if (admit(*Grow, Body, Hot, Counted))
      countGrowth(*Grow, *Body, Hot);
    return;
  }
  const auto *Site = Result.Nodes.getNodeAs<Expr>("call");
  if (!Site)
    Site = Result.Nodes.getNodeAs<Expr>("new");
  // A copy is judged once the whole TU is matched (matches do not come in
  // source order), and only in a function that allocates.
  if (isCopyCallee(*Site)) {
    Copies.push_back(cast<CallExpr>(Site));
    return;
  }
  if (!admit(*Site, Body, Hot, Counted))
    return;
  if (isa<CXXNewExpr>(Site))
    AllocSites["c++"].add(Hot);
  else
    countCall(*cast<CallExpr>(Site), *Body, Hot);
}

void Census::countOutputString(const MatchFinder::MatchResult &Result) {
  std::optional<OutputString> Found = Strings.judge(Result);
  const FunctionBody *Body = nullptr;
  bool Hot = false;
  if (Found && admit(*Found->Allocation, Body, Hot, OutputCounted))
    OutputStringSites.add(Hot);
}

// The strdup family: allocators that copy what they are given.
static bool isDup(StringRef Name) {
  std::string Lower = Name.lower();
  StringRef L(Lower);
  return L.contains("strdup") || L.contains("strndup") || L.contains("memdup");
}

// Excluded files and system headers are not the project's code. A
// template's sites are counted once, as written: its instantiations' copies
// carry the same locations (a macro's expansions do not).
bool Census::admit(const Expr &Site, const FunctionBody *&Body, bool &Hot,
                   llvm::DenseSet<unsigned> &Seen) {
  SourceLocation Loc = Site.getBeginLoc();
  Body = Ctx.Functions.bodyAround(Site);
  if (!Body || !Ctx.Report.settingsAt(Loc) ||
      !Seen.insert(Loc.getRawEncoding()).second)
    return false;
  Hot = Body->innermostLoop(&Site) || hotFunction(Body->function(), Loc);
  return true;
}

// Asked once per function: a hot function or a hot file (the policy's
// name and path globs are not free).
bool Census::hotFunction(const FunctionDecl &F, SourceLocation Loc) {
  auto Inserted = FunctionHot.try_emplace(&F, false);
  if (Inserted.second)
    Inserted.first->second = Ctx.Report.isHotAt(Loc, &F, /*InLoop=*/false);
  return Inserted.first->second;
}

void Census::onEndOfTranslationUnit() {
  for (const CallExpr *Call : Copies) {
    const FunctionBody *Body = nullptr;
    bool Hot = false;
    // Asked first: no parent map for a function that allocates nothing.
    if (Allocating.count(Ctx.Functions.enclosing(Call->getBeginLoc())) &&
        admit(*Call, Body, Hot, Counted) && copiesIntoFresh(*Call, *Body))
      CopySites.add(Hot);
  }
  Copies.clear();
}

void Census::countCall(const CallExpr &Call, const FunctionBody &Body, bool Hot) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return;
  // realloc(NULL, n) allocates; realloc(p, n) and sqlite3_realloc(p, n)
  // grow, and a resize reserves nothing ahead.
  if (Ctx.Allocators.isGrow(Call) && Call.getNumArgs() > 0 &&
      !Call.getArg(0)->isNullPointerConstant(Ctx.AST,
                                             Expr::NPC_ValueDependentIsNotNull)) {
    UnsizedGrowth.add(Hot);
  } else if (const AllocatorFamily *Family = Ctx.Allocators.allocation(Call)) {
    AllocSites[familyKey(*Family)].add(Hot);
    Allocating.insert(&Body.function());
    if (isDup(Callee->getName()))
      CopySites.add(Hot);
  }
}

bool Census::isFresh(const Expr *E) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(ignoreCastsAndCleanups(E));
  return Call && Ctx.Allocators.allocation(*Call);
}

// memcpy(dst, ...) whose dst is an allocation call, or a local whose last
// store before the copy (its initializer or an assignment) is one.
bool Census::copiesIntoFresh(const CallExpr &Call, const FunctionBody &Body) const {
  if (Call.getNumArgs() != 3 || !isLibcDeclaration(*Call.getDirectCallee()))
    return false;
  const Expr *Dest = ignoreCastsAndCleanups(Call.getArg(0));
  if (isFresh(Dest))
    return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(Dest);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage())
    return false;
  const Expr *LastStore = Var->getInit();
  const SourceManager &SM = Ctx.AST.getSourceManager();
  for (const DeclRefExpr *Use : Body.references(*Var)) {
    if (!SM.isBeforeInTranslationUnit(Use->getBeginLoc(), Call.getBeginLoc()))
      break;
    const auto *Assign = dyn_cast_or_null<BinaryOperator>(Body.parent(Use));
    if (Assign && Assign->getOpcode() == BO_Assign && Assign->getLHS() == Use)
      LastStore = Assign->getRHS();
  }
  return isFresh(LastStore);
}

// A copy of a class object that is more than its bytes (std::string,
// std::vector: the copy allocates and copies the contents). A copy the
// compiler elides (of a temporary, before C++17) copies nothing.
bool Census::isNonTrivialCopy(const Expr &Site) {
  const CXXRecordDecl *Record = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Site)) {
    if (Construct->isElidable())
      return false;
    Record = Construct->getConstructor()->getParent();
  } else if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(
                 cast<CallExpr>(Site).getDirectCallee())) {
    Record = Method->getParent();
  }
  return Record && Record->hasDefinition() && !Record->isTriviallyCopyable();
}

// A call growing a container of a kind grow-in-loop knows (push_back,
// insert, `+=`, append, ...): pre-sized when the same variable had
// reserve() called earlier in the function than the innermost loop the
// call repeats in (than the call, outside loops). Those that add one
// element per iteration of a loop with a known trip count, to a variable
// the loop grows no other way, are also counted apart, as predictable.
void Census::countGrowth(const CallExpr &Call, const FunctionBody &Body, bool Hot) {
  const Expr *Object = objectOf(&Call);
  if (!Object)
    return;
  QualType Type = Object->getType();
  const CXXRecordDecl *Record = Type->isPointerType() ? Type->getPointeeCXXRecordDecl()
                                                      : Type->getAsCXXRecordDecl();
  Container Kind = containerKind(Record, Ctx.Report.settingsAt(Call.getBeginLoc()));
  if (!addsElements(Kind, Call))
    return;
  const auto *Ref = dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const Stmt *Loop = Body.innermostLoop(&Call);
  while (Loop && runsAtMostOnce(*Loop, Ctx.AST))
    Loop = Body.innermostLoop(Loop);
  std::string Count;
  const Stmt *Counted = Var && addsOneElement(Kind, Call)
                            ? predictableLoop(Call, *Var, Body, Ctx.AST, Count)
                            : nullptr;
  bool Predictable = Counted && growsOnlyByOne(*Var, *Counted, Kind, Body);
  bool Presized = Var && reservedBefore(*Var, Loop ? *Loop : (const Stmt &)Call, Body);
  (Presized ? PresizedGrowth : UnsizedGrowth).add(Hot);
  if (Predictable)
    (Presized ? PredictablePresized : PredictableUnsized).add(Hot);
}

bool Census::reservedBefore(const VarDecl &Var, const Stmt &Point,
                            const FunctionBody &Body) const {
  const SourceManager &SM = Ctx.AST.getSourceManager();
  for (const DeclRefExpr *Use : Body.references(Var)) {
    if (!SM.isBeforeInTranslationUnit(Use->getBeginLoc(), Point.getBeginLoc()))
      break;
    const auto *Member = dyn_cast_or_null<MemberExpr>(Body.parent(Use));
    if (Member && Member->getMemberDecl()->getIdentifier() &&
        Member->getMemberDecl()->getName() == "reserve")
      return true;
  }
  return false;
}

} // namespace memrules
