// late-free: the source documents' rule 8, "drop early".
//
//     char *raw = malloc(n);
//     read(fd, raw, n);
//     parse(raw, &t);                  // last use of raw
//     for (i = 0; i < t.n; i++) ...    // raw is held all this time
//     free(raw);
//
// Bottom-up from the release: the matchers fire on every family's
// releasers and `delete`. Cheap structural tests come first, in the block
// (compound statement) holding the release: the statements between the last
// one that mentions the variable and the release must contain a loop that
// may run more than once, or a call of a TU function with such a loop, and
// must be entered only from the last use and left only into the release (or
// by returning). Only then are the variable's definitions and uses asked
// about: every definition an allocation (or null) of non-constant size or
// of at least min-bytes, and every use one that leaves no other pointer to
// the block (analysis/Escape.h, not trusting const parameters), so that
// "does not mention the variable" means "does not touch the block".
//
// C++ (RULES.md, settled details): a local owner — std::vector,
// std::string, std::unique_ptr<T[]> — is released by its destructor at the
// closing brace of its scope, where the finding goes. From the owner's
// declaration: the statements of its block after the last one that
// mentions it must hold the work, as above; every use must leave nothing
// behind that points into the buffer (analysis/ContainerAliases.h); every
// sizing of it (its constructor's count, new T[n], make_unique<T[]>(n),
// resize, reserve, assign(n, x), reset(new T[n])) must be non-constant or
// at least min-bytes, and there must be one.
//
// Goto-cleanup code (RULES.md, settled details): the release under the
// function's exit label is in the function body's block, so a loop between
// the last use and the label is reported, with the advice to set the
// variable to NULL after releasing it early (the label's release stays for
// the other paths).
#include "LateFree.h"

#include "analysis/AllocationSites.h"
#include "analysis/AllocationSize.h"
#include "analysis/ContainerAliases.h"
#include "analysis/Escape.h"
#include "analysis/LoopFacts.h"
#include "analysis/StmtWalk.h"
#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

#include <algorithm>
#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

bool isLoop(const Stmt *S) { return S && FunctionBody::loopBody(S); }

// Does S mention Var: a reference, or its declaration? (Stops at the
// first: the scan back from a release runs over every statement between.)
bool mentions(const Stmt *S, const VarDecl &Var) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getDecl() == &Var;
  if (const auto *Decl = dyn_cast<DeclStmt>(S))
    for (const auto *D : Decl->decls())
      if (D == &Var)
        return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, Var))
      return true;
  return false;
}

// Does S release Var or set it to NULL? Then the block may be gone before
// the statements after S run (`free(p); p = NULL;` before a loop, the
// label's release then releasing NULL).
bool endsBlock(const Stmt *S, const VarDecl &Var, const AllocatorModel &Model,
               ASTContext &AST) {
  bool Found = false;
  forEachStmt(S, [&](const Stmt *Sub) {
    if (Found)
      return;
    if (const auto *Assign = dyn_cast<BinaryOperator>(Sub)) {
      Found = Assign->getOpcode() == BO_Assign && refersTo(Assign->getLHS(), Var) &&
              Assign->getRHS()->isNullPointerConstant(AST,
                                                      Expr::NPC_ValueDependentIsNotNull);
    } else if (const auto *Delete = dyn_cast<CXXDeleteExpr>(Sub)) {
      Found = refersTo(Delete->getArgument(), Var);
    } else if (const auto *Call = dyn_cast<CallExpr>(Sub)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && !Model.releasingFamilies(*Callee).empty())
        Found = refersTo(releasedArgument(*Call, *Callee), Var);
    }
  });
  return Found;
}

// Where S last mentions Var, in source order.
SourceLocation lastMention(const Stmt *S, const VarDecl &Var) {
  SourceLocation Last;
  forEachStmt(S, [&](const Stmt *Sub) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Sub)) {
      if (Ref->getDecl() == &Var)
        Last = Ref->getBeginLoc();
    } else if (const auto *Decl = dyn_cast<DeclStmt>(Sub)) {
      for (const auto *D : Decl->decls())
        if (D == &Var)
          Last = Var.getLocation();
    }
  });
  return Last;
}

// A block that only releases: every statement a call (a release, in the
// macros that wrap one) or an assignment of a null pointer.
bool onlyReleases(const CompoundStmt &Block, ASTContext &AST) {
  for (const Stmt *S : Block.body()) {
    const auto *E = dyn_cast<Expr>(S);
    if (!E)
      return false;
    E = E->IgnoreParenCasts();
    if (isa<CallExpr>(E) || isa<CXXDeleteExpr>(E))
      continue;
    const auto *Assign = dyn_cast<BinaryOperator>(E);
    if (!Assign || Assign->getOpcode() != BO_Assign ||
        !Assign->getRHS()->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull))
      return false;
  }
  return true;
}

// The statement of the enclosing block that releases Var at the end of
// Path (the statements from the function body down to the release): the
// release itself, with its labels, inside `if (p)`, `{ free(p); p = NULL; }`
// or a `do { ... } while (0)` macro. Null when it is part of something
// more (a larger expression or branch). Block receives the block.
const Stmt *releaseStatement(llvm::ArrayRef<const Stmt *> Path, const VarDecl &Var,
                             ASTContext &AST, const CompoundStmt *&Block) {
  size_t I = Path.size() - 1;
  const Stmt *Cur = Path[I];
  for (; I > 0; --I) {
    const Stmt *P = Path[I - 1];
    if (isa<ParenExpr>(P) || isa<ExprWithCleanups>(P) ||
        (isa<CastExpr>(P) && cast<CastExpr>(P)->getType()->isVoidType())) {
      Cur = P;
    } else if (isa<LabelStmt>(P) || isa<AttributedStmt>(P)) {
      Cur = P;
    } else if (const auto *If = dyn_cast<IfStmt>(P)) {
      if (If->getThen() != Cur || If->getElse() || If->getInit() ||
          If->getConditionVariable() || nullTest(If->getCond(), Var, AST) <= 0)
        return nullptr;
      Cur = P;
    } else if (const auto *Do = dyn_cast<DoStmt>(P)) {
      if (Do->getBody() != Cur || !runsAtMostOnce(*Do, AST))
        return nullptr;
      Cur = P;
    } else if (const auto *Compound = dyn_cast<CompoundStmt>(P)) {
      const Stmt *Up = I > 1 ? Path[I - 2] : nullptr;
      if ((isa_and_nonnull<IfStmt>(Up) || isa_and_nonnull<DoStmt>(Up)) &&
          onlyReleases(*Compound, AST)) {
        Cur = P;
        continue;
      }
      Block = Compound;
      return Cur;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

// The labels in front of S (`out: free(p);`).
std::vector<const LabelDecl *> labelsOf(const Stmt *S) {
  std::vector<const LabelDecl *> Labels;
  while (const auto *Label = dyn_cast<LabelStmt>(S)) {
    Labels.push_back(Label->getDecl());
    S = Label->getSubStmt();
  }
  return Labels;
}

// Can control reach the end of S (straight-line view: no labels inside)?
bool completes(const Stmt *S) {
  if (!S)
    return true;
  if (isa<ReturnStmt>(S) || isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S) ||
      isa<BreakStmt>(S) || isa<ContinueStmt>(S) || isNoReturnCall(S))
    return false;
  if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : Block->body())
      if (!completes(Child))
        return false;
    return true;
  }
  if (const auto *If = dyn_cast<IfStmt>(S))
    return !If->getElse() || completes(If->getThen()) || completes(If->getElse());
  return true;
}

// Is S (a statement between the last use and the release) entered only
// from before it and left only forwards, by returning, or into the
// release's labels? No labels (a goto could enter past the last use), no
// case labels of an outer switch, no break or continue out of it.
bool isStraight(const Stmt *S, const std::vector<const LabelDecl *> &ReleaseLabels,
                unsigned Loops = 0, unsigned Switches = 0) {
  if (!S)
    return true;
  if (isa<LabelStmt>(S) || isa<IndirectGotoStmt>(S) || isa<LambdaExpr>(S) ||
      isa<BlockExpr>(S))
    return false;
  if (isa<SwitchCase>(S) && Switches == 0)
    return false;
  if (const auto *Goto = dyn_cast<GotoStmt>(S))
    return std::find(ReleaseLabels.begin(), ReleaseLabels.end(), Goto->getLabel()) !=
           ReleaseLabels.end();
  if (isa<BreakStmt>(S))
    return Loops + Switches > 0;
  if (isa<ContinueStmt>(S))
    return Loops > 0;
  bool Loop = isLoop(S), Switch = isa<SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (!isStraight(Child, ReleaseLabels, Loops + Loop, Switches + Switch))
      return false;
  return true;
}

// A function whose name says it gives something back (decrRefCount,
// g_object_unref, destroyTree, close): cleanup, even when its body is not
// in the translation unit.
bool releasesByName(const FunctionDecl &F) {
  if (!F.getIdentifier())
    return false;
  std::string Name = F.getName().lower();
  for (const char *Word : {"free", "release", "destroy", "unref", "decr", "delete",
                           "dispose", "cleanup", "close"})
    if (Name.find(Word) != std::string::npos)
      return true;
  return false;
}

std::string calleeName(const Expr &Site) {
  if (const auto *New = dyn_cast<CXXNewExpr>(&Site))
    return New->isArray() ? "new[]" : "new";
  if (const auto *Call = dyn_cast<CallExpr>(&Site))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Callee->getIdentifier())
        return Callee->getName().str() + "()";
  return "its allocation";
}

// What the C++ form owns, and the type of one element.
enum class Owner { None, Vector, String, UniqueArray };

Owner ownerKind(QualType Type, ASTContext &AST, QualType &Element) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(Type->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || !Spec->getIdentifier() ||
      Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return Owner::None;
  StringRef Name = Spec->getName();
  Element = Spec->getTemplateArgs()[0].getAsType();
  if (Name == "vector")
    return Owner::Vector;
  if (Name == "basic_string")
    return Owner::String;
  if (Name == "unique_ptr")
    if (const auto *Array = AST.getAsIncompleteArrayType(Element)) {
      Element = Array->getElementType();
      return Owner::UniqueArray;
    }
  return Owner::None;
}

const char *ownerName(Owner Kind) {
  switch (Kind) {
  case Owner::Vector:
    return "std::vector";
  case Owner::String:
    return "std::string";
  default:
    return "std::unique_ptr<T[]>";
  }
}

// The element count `new T[n]`, `make_unique<T[]>(n)` or a constructor's
// leading count (vector(n), vector(n, x), string(n, c)) gives, or null.
const Expr *countOf(const Expr *E) {
  E = E ? E->IgnoreImplicit() : nullptr;
  if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(E))
    E = Cast->getSubExpr()->IgnoreImplicit();
  if (const auto *New = dyn_cast_or_null<CXXNewExpr>(E)) {
    if (!New->isArray())
      return nullptr;
    auto Size = New->getArraySize();
    return Size ? *Size : nullptr;
  }
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
        Callee->getName() == "make_unique" && Call->getNumArgs() == 1)
      return Call->getArg(0);
    return nullptr;
  }
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E);
  if (!Construct || Construct->getNumArgs() == 0)
    return nullptr;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (Ctor->getNumParams() == 0)
    return nullptr;
  if (Ctor->getParamDecl(0)->getType()->isIntegerType())
    return Construct->getArg(0);
  // unique_ptr(new T[n])
  return Construct->getNumArgs() == 1 ? countOf(Construct->getArg(0)) : nullptr;
}

// Does S give the owner's buffer back already: shrink_to_fit, reset,
// release, swap, or an assignment of new contents?
bool releasesOwner(const Stmt *S, const VarDecl &Var) {
  bool Found = false;
  forEachStmt(S, [&](const Stmt *Sub) {
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Sub)) {
      const CXXMethodDecl *M = Call->getMethodDecl();
      StringRef Name = M && M->getIdentifier() ? M->getName() : "";
      Found |= refersTo(Call->getImplicitObjectArgument(), Var) &&
               (Name == "shrink_to_fit" || Name == "reset" || Name == "release" ||
                Name == "swap");
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Sub)) {
      Found |= Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
               refersTo(Op->getArg(0), Var);
    }
  });
  return Found;
}

} // namespace

LateFreeCheck::LateFreeCheck(CheckContext &Ctx) : Check(MR_RULE_LATE_FREE, Ctx) {}

LateFreeCheck::~LateFreeCheck() = default;

std::vector<std::string> LateFreeCheck::triggers() const {
  std::vector<std::string> Names = Ctx.Allocators.releaserNames();
  Names.push_back("delete");
  // The owners' type names as a body spells them (an alias of one elsewhere
  // is not seen).
  if (Ctx.AST.getLangOpts().CPlusPlus)
    for (const char *Name : {"vector", "string", "wstring", "basic_string", "unique_ptr",
                             "make_unique"})
      Names.push_back(Name);
  return Names;
}

void LateFreeCheck::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(callExpr(callee(functionDecl(isReleaserIn(&Ctx.Allocators))),
                             unless(isExpansionInSystemHeader()))
                        .bind("release"),
                    this);
  if (!Ctx.AST.getLangOpts().CPlusPlus)
    return;
  Finder.addMatcher(cxxDeleteExpr(unless(isExpansionInSystemHeader())).bind("release"),
                    this);
  Finder.addMatcher(declStmt(hasSingleDecl(varDecl(hasLocalStorage(), unless(parmVarDecl()),
                                                   unless(hasType(referenceType())))
                                               .bind("owner")),
                             unless(isExpansionInSystemHeader()))
                        .bind("ownerDecl"),
                    this);
}

bool LateFreeCheck::isRelease(const Stmt *S) const {
  if (isa<CXXDeleteExpr>(S))
    return true;
  const auto *Call = dyn_cast<CallExpr>(S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee &&
         (!Ctx.Allocators.releasingFamilies(*Callee).empty() || releasesByName(*Callee));
}

bool LateFreeCheck::releases(const Stmt *S) const {
  bool Found = false;
  forEachStmt(S, [&](const Stmt *Sub) { Found = Found || isRelease(Sub); });
  return Found;
}

bool LateFreeCheck::loops(const FunctionDecl &F) {
  const FunctionDecl *Definition = F.getDefinition();
  if (!Definition || !Definition->getBody() || Definition->isDependentContext())
    return false;
  auto Known = Loops.find(Definition);
  if (Known != Loops.end())
    return Known->second;
  // One walk of the body: a loop, and no release anywhere.
  bool Loop = false;
  bool Releases = !Ctx.Allocators.releasingFamilies(*Definition).empty() ||
                  releasesByName(*Definition);
  forEachStmt(Definition->getBody(), [&](const Stmt *S) {
    if (Releases)
      return;
    Releases = isRelease(S);
    Loop = Loop || (isLoop(S) && !runsAtMostOnce(*S, Ctx.AST));
  });
  return Loops[Definition] = Loop && !Releases;
}

const Stmt *LateFreeCheck::work(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return nullptr;
  if (isLoop(S) && !runsAtMostOnce(*S, Ctx.AST))
    return releases(S) ? nullptr : S;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (loops(*Callee))
        return S;
  for (const Stmt *Child : S->children())
    if (const Stmt *Found = work(Child))
      return Found;
  return nullptr;
}

EscapeAnalysis &LateFreeCheck::escape() {
  if (!Escape)
    Escape.reset(new EscapeAnalysis(Ctx.Functions, Ctx.Allocators, Ctx.AST,
                                    /*TrustConstParameters=*/false));
  return *Escape;
}

bool LateFreeCheck::ownsLargeBlock(const FunctionDecl &F, const VarDecl &Var,
                                   SourceLocation Loc, std::vector<const Expr *> &Sites,
                                   std::string &Size) {
  ASTContext &AST = Ctx.AST;
  EscapeAnalysis &Escape = escape();
  const FunctionBody &Body = Ctx.Functions.body(F);
  // Each definition: null, an allocation, or the block grown in place.
  auto Define = [&](const Expr *Value) {
    Value = ignoreCastsAndCleanups(Value);
    if (!Value)
      return false;
    if (Value->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull))
      return true;
    Allocation A;
    if (allocationOf(Value, Ctx.Allocators, A)) {
      Sites.push_back(A.Site);
      return true;
    }
    const auto *Call = dyn_cast<CallExpr>(Value);
    if (!Call || !Ctx.Allocators.isGrow(*Call) || Call->getNumArgs() == 0 ||
        !refersTo(Call->getArg(0), Var))
      return false;
    Sites.push_back(Call);
    return true;
  };
  if (Var.getInit() && !Define(Var.getInit()))
    return false;
  for (const VarUse &Use : findUses(Var, *F.getBody(), Body)) {
    if (Use.Kind == UseKind::AddressTaken || Use.Ref->refersToEnclosingVariableOrCapture())
      return false;
    PointerUse U = Escape.fateOf(*Use.Ref, Var, Body);
    if (U.Fate == PointerFate::Escapes)
      return false;
    if (U.Fate != PointerFate::Reassigned)
      continue;
    const Stmt *Parent = Body.parent(Use.Ref);
    while (Parent && isa<ParenExpr>(Parent))
      Parent = Body.parent(Parent);
    const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent);
    if (!Assign || !Define(Assign->getRHS()) ||
        Escape.fateOf(*Assign, Var, Body, false).Fate == PointerFate::Escapes)
      return false;
  }
  if (Sites.empty())
    return false;
  // Every allocation large, or of a size known only at run time.
  uint64_t MinBytes = option(MR_OPTION_LATE_FREE_MIN_BYTES, Loc);
  bool Variable = false;
  uint64_t Smallest = UINT64_MAX;
  for (const Expr *Site : Sites) {
    std::optional<uint64_t> Bytes;
    if (!allocationBytes(*Site, Ctx.Allocators, AST, Bytes))
      return false;
    if (!Bytes)
      Variable = true;
    else if (*Bytes < MinBytes)
      return false;
    else
      Smallest = std::min(Smallest, *Bytes);
  }
  Size = Variable ? "of a size known only at run time"
                  : std::to_string(Smallest) + " bytes";
  return true;
}

void LateFreeCheck::run(const MatchFinder::MatchResult &Result) {
  if (const auto *Release = Result.Nodes.getNodeAs<Expr>("release"))
    checkRelease(*Release);
  else if (const auto *Decl = Result.Nodes.getNodeAs<DeclStmt>("ownerDecl"))
    checkOwner(*Decl, *Result.Nodes.getNodeAs<VarDecl>("owner"));
}

void LateFreeCheck::checkRelease(const Expr &ReleaseRef) {
  const Expr *Release = &ReleaseRef;
  const Expr *Released = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(Release)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Ctx.Allocators.releasingFamilies(*Callee).empty())
      return;
    Released = releasedArgument(*Call, *Callee);
  } else if (const auto *Delete = dyn_cast<CXXDeleteExpr>(Release)) {
    Released = Delete->getArgument();
  }
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(ignoreCastsAndCleanups(Released));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      !Var->getType()->isPointerType() || Var->getType().isVolatileQualified() ||
      Var->hasAttr<CleanupAttr>())
    return;
  SourceLocation Loc = Release->getBeginLoc();
  if (!wants(Loc))
    return;
  // The function as written (not a template's pattern or copy), and the
  // path down to the release, without the function's parent map: most
  // releases stop at the next tests.
  const FunctionDecl *Function = Ctx.Functions.enclosing(Loc);
  if (!Function || !Function->getBody() || Function->isDependentContext() ||
      Function->getTemplateInstantiationPattern())
    return;
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!pathTo(*Function->getBody(), *Release, Ctx.AST.getSourceManager(), Path))
    return;

  // The statements between the last one that mentions the variable and
  // the release, in the release's block.
  const CompoundStmt *Block = nullptr;
  const Stmt *R = releaseStatement(Path, *Var, Ctx.AST, Block);
  if (!R)
    return;
  std::vector<const Stmt *> Statements(Block->body_begin(), Block->body_end());
  auto At = std::find(Statements.begin(), Statements.end(), R);
  auto LastUse = At;
  while (LastUse != Statements.begin() && !mentions(*(LastUse - 1), *Var))
    --LastUse;
  if (LastUse == Statements.begin())
    return; // no use before it in this block
  const Stmt *Used = *(LastUse - 1);
  const Stmt *Busy = nullptr;
  for (auto It = LastUse; It != At && !Busy; ++It)
    Busy = work(*It);
  if (!Busy)
    return;
  std::vector<const LabelDecl *> Labels = labelsOf(R);
  for (auto It = LastUse; It != At; ++It)
    if (!completes(*It) || !isStraight(*It, Labels))
      return;

  if (endsBlock(Used, *Var, Ctx.Allocators, Ctx.AST))
    return; // released (or cleared) already: the later release is for other paths

  std::vector<const Expr *> Sites;
  std::string Size;
  if (!ownsLargeBlock(*Function, *Var, Loc, Sites, Size))
    return;

  std::string Name = "'" + Var->getName().str() + "'";
  bool Loop = isLoop(Busy);
  std::string What = "a loop that does not use it";
  if (!Loop)
    What = "a call of '" + cast<CallExpr>(Busy)->getDirectCallee()->getNameAsString() +
           "()' that loops without using it";
  Finding F = finding(Loc, "");
  F.Owner = Function;
  F.InLoop = Ctx.Functions.body(*Function).innermostLoop(Release) != nullptr;
  F.Message = Name + " (from " + calleeName(*Sites.front()) + ", " + Size +
              ") is released only after " + What +
              ": the block stays allocated while that runs; release it right "
              "after its last use";
  if (!Labels.empty())
    F.Message += " and set it to NULL there, so that the release at '" +
                 Labels.front()->getName().str() + "' stays right for the other paths";
  F.Notes.push_back({lastMention(Used, *Var), "last use of " + Name});
  F.Notes.push_back({Busy->getBeginLoc(), Loop ? "this loop does not use " + Name
                                              : "this call loops without using " + Name});
  F.Notes.push_back({Sites.front()->getBeginLoc(), Name + " is allocated here"});
  Ctx.Report.report(F);
}

bool LateFreeCheck::ownerSizedLarge(const VarDecl &Var, const FunctionBody &Body,
                                    SourceLocation Loc, std::string &Size,
                                    SourceLocation &Where) {
  QualType Element;
  if (ownerKind(Var.getType(), Ctx.AST, Element) == Owner::None ||
      Element->isDependentType() || Element->isIncompleteType())
    return false;
  std::vector<const Expr *> Counts;
  // The initializer: empty, or a count; anything else (a copy, a
  // function's result) has a size this cannot see.
  if (const Expr *Init = Var.getInit()) {
    const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
    if (const Expr *Count = countOf(Init))
      Counts.push_back(Count);
    else if (!Construct || Construct->getNumArgs() != 0)
      return false;
  }
  for (const DeclRefExpr *Ref : Body.references(Var)) {
    const auto *Member = dyn_cast_or_null<MemberExpr>(Body.parentIgnoringParenCasts(Ref));
    const auto *Call =
        Member ? dyn_cast_or_null<CXXMemberCallExpr>(Body.parent(Member)) : nullptr;
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || !Method->getIdentifier() || Call->getNumArgs() == 0)
      continue;
    StringRef Name = Method->getName();
    if (Name == "resize" || Name == "reserve" ||
        (Name == "assign" && Call->getNumArgs() == 2 &&
         Call->getArg(0)->getType()->isIntegerType()))
      Counts.push_back(Call->getArg(0));
    else if (Name == "reset" && countOf(Call->getArg(0)))
      Counts.push_back(countOf(Call->getArg(0)));
  }
  if (Counts.empty())
    return false;
  uint64_t MinBytes = option(MR_OPTION_LATE_FREE_MIN_BYTES, Loc);
  uint64_t Each = Ctx.AST.getTypeSizeInChars(Element).getQuantity();
  bool Variable = false;
  uint64_t Smallest = UINT64_MAX;
  for (const Expr *Count : Counts) {
    Expr::EvalResult Value;
    if (Count->isValueDependent() || !Count->EvaluateAsInt(Value, Ctx.AST)) {
      Variable = true;
      continue;
    }
    uint64_t N = Value.Val.getInt().getLimitedValue();
    uint64_t Bytes = (N && Each > UINT64_MAX / N) ? UINT64_MAX : Each * N;
    if (Bytes < MinBytes)
      return false;
    Smallest = std::min(Smallest, Bytes);
  }
  Size = Variable ? "of a size known only at run time" : std::to_string(Smallest) + " bytes";
  Where = Counts.front()->getBeginLoc();
  return true;
}

void LateFreeCheck::checkOwner(const DeclStmt &Decl, const VarDecl &Var) {
  QualType Element;
  Owner Kind = ownerKind(Var.getType(), Ctx.AST, Element);
  if (Kind == Owner::None || Var.isStaticLocal() || Var.getType().isVolatileQualified())
    return;
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(Decl);
  const auto *Block = Body ? dyn_cast_or_null<CompoundStmt>(Body->parent(&Decl)) : nullptr;
  if (!Block)
    return;
  SourceLocation Loc = Block->getRBracLoc();
  if (Loc.isInvalid() || Loc.isMacroID() || !wants(Loc))
    return;
  // The statements after the last one that mentions the owner: some work,
  // reached straight from the last use.
  std::vector<const Stmt *> Statements(Block->body_begin(), Block->body_end());
  auto LastUse = Statements.end();
  while (LastUse != Statements.begin() && !mentions(*(LastUse - 1), Var))
    --LastUse;
  if (LastUse == Statements.begin())
    return;
  const Stmt *Used = *(LastUse - 1);
  const Stmt *Busy = nullptr;
  for (auto It = LastUse; It != Statements.end() && !Busy; ++It) {
    if (!isStraight(*It, {}))
      return;
    Busy = work(*It);
    if (!Busy && !completes(*It))
      return;
  }
  if (!Busy || releasesOwner(Used, Var))
    return;
  for (const DeclRefExpr *Ref : Body->references(Var))
    if (!onlyBorrows(*Ref, Var, *Body, escape()))
      return;
  std::string Size;
  SourceLocation Sized;
  if (!ownerSizedLarge(Var, *Body, Loc, Size, Sized))
    return;

  std::string Name = Var.getName().str();
  std::string Quoted = "'" + Name + "'";
  bool Loop = isLoop(Busy);
  std::string What = Loop ? "a loop that does not use it"
                          : "a call of '" +
                                cast<CallExpr>(Busy)->getDirectCallee()->getNameAsString() +
                                "()' that loops without using it";
  std::string How = Kind == Owner::UniqueArray
                        ? "'" + Name + ".reset();'"
                        : "'" + Name + ".clear(); " + Name + ".shrink_to_fit();'" +
                              (Kind == Owner::Vector ? " (or swap it with an empty vector)"
                                                     : "");
  Finding F = finding(Loc, "");
  F.Owner = &Body->function();
  F.InLoop = Body->innermostLoop(Block) != nullptr; // released on every iteration
  F.Message = Quoted + " (" + ownerName(Kind) + ", " + Size +
              ") keeps its buffer until the end of its scope, after " + What +
              ": the memory stays allocated while that runs; release it after its "
              "last use with " + How + ", or end a block there";
  F.Notes.push_back({lastMention(Used, Var), "last use of " + Quoted});
  F.Notes.push_back({Busy->getBeginLoc(), Loop ? "this loop does not use " + Quoted
                                              : "this call loops without using " + Quoted});
  F.Notes.push_back({Sized, Quoted + " is sized here"});
  Ctx.Report.report(F);
}

} // namespace memrules
