// unchecked-alloc: `p = malloc(n); p->len = n;` with no NULL check between.
//
// Bottom-up: the matchers fire on calls of the allocator families' functions
// (libc and the policy's; families marked never-null are dropped) and, in
// C++, on nothrow `new`. An allocation stored in a local pointer is a
// candidate. Only then is the enclosing function's CFG built (once per
// function), and a forward dataflow over it computes, for that allocation
// alone, where the local may still hold its unchecked result: the
// allocation sets the fact; any reassignment of the local, copying it
// elsewhere (another variable, a field, an initializer), releasing it, and
// any NULL test of it (both branches: the path has a check) clear it. A use
// that needs a non-NULL pointer where the fact may hold is the finding; the
// first one in the source is reported, with a note at the allocation.
#include "UncheckedAlloc.h"

#include "analysis/AllocationSites.h"

#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/Builtins.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

// libc functions that read or write through every pointer parameter, even
// with a zero length: NULL is undefined behaviour there whether or not the
// headers say `nonnull` (musl's do not). Fortified and builtin spellings
// (__builtin___memcpy_chk) count as the function.
bool needsNonNullArguments(const FunctionDecl &Callee) {
  if (!Callee.getIdentifier() || !isLibcDeclaration(Callee))
    return false;
  StringRef Name = Callee.getName();
  if (!Name.consume_front("__builtin___"))
    Name.consume_front("__builtin_");
  Name.consume_back("_chk");
  return llvm::StringSwitch<bool>(Name)
      .Cases("memcpy", "memmove", "memset", "memcmp", "memchr", true)
      .Cases("strcpy", "strncpy", "stpcpy", "stpncpy", "strcat", true)
      .Cases("strncat", "strlen", "strcmp", "strncmp", "strchr", true)
      .Cases("strrchr", "strstr", "sprintf", "vsprintf", true)
      .Default(false);
}

// Is parameter I of Callee declared nonnull (on the function, listing it or
// all parameters, or on the parameter itself)?
bool isNonNullParameter(const FunctionDecl &Callee, unsigned I) {
  if (I >= Callee.getNumParams())
    return false; // variadic arguments
  if (!Callee.getParamDecl(I)->getType()->isPointerType())
    return false;
  if (Callee.getParamDecl(I)->hasAttr<NonNullAttr>())
    return true;
  for (const auto *Attr : Callee.specific_attrs<NonNullAttr>())
    if (Attr->isNonNull(I))
      return true;
  return false;
}

bool isNull(const Expr *E, ASTContext &AST) {
  return E->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

// Is E Var's value: `p`, or `(p = malloc(n))`?
bool isValueOf(const Expr *E, const VarDecl &Var) {
  E = ignoreCastsAndCleanups(E);
  if (const auto *Assign = dyn_cast<BinaryOperator>(E))
    if (Assign->getOpcode() == BO_Assign)
      return refersTo(Assign->getLHS(), Var);
  return refersTo(E, Var);
}

// Does the condition C test Var against NULL: `p`, `!p`, `p == NULL`,
// `NULL != p`, `__builtin_expect(!!p, 1)`, `(p = malloc(n)) == NULL`, or
// such a test as an operand of && / ||?
bool testsNull(const Expr *C, const VarDecl &Var, ASTContext &AST) {
  if (!C)
    return false;
  C = ignoreCastsAndCleanups(C);
  if (isValueOf(C, Var))
    return true;
  if (const auto *Unary = dyn_cast<UnaryOperator>(C))
    return Unary->getOpcode() == UO_LNot && testsNull(Unary->getSubExpr(), Var, AST);
  if (const auto *Call = dyn_cast<CallExpr>(C))
    return Call->getBuiltinCallee() == Builtin::BI__builtin_expect &&
           Call->getNumArgs() == 2 && testsNull(Call->getArg(0), Var, AST);
  if (const auto *Binary = dyn_cast<BinaryOperator>(C)) {
    if (Binary->isLogicalOp())
      return testsNull(Binary->getLHS(), Var, AST) ||
             testsNull(Binary->getRHS(), Var, AST);
    if (Binary->isEqualityOp())
      return (isValueOf(Binary->getLHS(), Var) && isNull(Binary->getRHS(), AST)) ||
             (isValueOf(Binary->getRHS(), Var) && isNull(Binary->getLHS(), AST));
  }
  return false;
}

bool mentions(const Stmt *S, const VarDecl &Var) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl() == &Var)
      return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, Var))
      return true;
  return false;
}

// The records passed by pointer to an allocation call (sqlite3DbMallocRaw's
// `sqlite3 *db`): an allocator that records failure in its context
// (`db->mallocFailed`) is checked through that context.
llvm::SmallPtrSet<const Type *, 2> contextTypes(const Expr &Alloc) {
  llvm::SmallPtrSet<const Type *, 2> Types;
  if (const auto *Call = dyn_cast<CallExpr>(&Alloc))
    for (const Expr *Arg : Call->arguments()) {
      QualType T = Arg->IgnoreParenImpCasts()->getType();
      if (T->isPointerType() && T->getPointeeType()->isRecordType())
        Types.insert(T->getPointeeType()->getCanonicalTypeUnqualified().getTypePtr());
    }
  return Types;
}

// Does the condition read a field of a context object (`db->mallocFailed`,
// `pParse->db->mallocFailed`)?
bool readsContext(const Stmt *S, const llvm::SmallPtrSet<const Type *, 2> &Types) {
  if (!S || Types.empty())
    return false;
  if (const auto *Member = dyn_cast<MemberExpr>(S)) {
    QualType T = Member->getBase()->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    if (Types.count(T->getCanonicalTypeUnqualified().getTypePtr()))
      return true;
  }
  for (const Stmt *Child : S->children())
    if (readsContext(Child, Types))
      return true;
  return false;
}

// What a CFG element does to the tracked fact.
enum class Effect { None, Gen, Kill, Use };

struct UseSite {
  const Stmt *At;
  std::string What; // "dereferenced", "indexed", "passed to memcpy()"
};

// One candidate: the allocation, the local it is stored in, and what each
// statement that touches the local does to the fact.
class Tracker {
public:
  Tracker(const VarDecl &Var, const Stmt &Def, const Expr &Alloc,
          const AllocatorModel &Model, ASTContext &AST)
      : Var(Var), Def(Def), Alloc(Alloc), Model(Model), AST(AST),
        SM(AST.getSourceManager()), Contexts(contextTypes(Alloc)) {}

  // Classify every reference to Var in the function; false if the local
  // cannot be followed (its address is taken, a lambda or block captures
  // it, or a write to it has a form this rule does not know).
  bool prepare(const FunctionDecl &Function, const FunctionBody &Body);

  // The uses the fact may reach, in source order.
  std::vector<UseSite> run(const CFG &Graph);

private:
  Effect effectOf(const Stmt *S, UseSite &Use);
  bool isDef(const Stmt *S) const;
  bool isCompiledOutCheck(const Stmt *S);

  const VarDecl &Var;
  const Stmt &Def; // the assignment or the declaration holding Alloc
  const Expr &Alloc;
  const AllocatorModel &Model;
  ASTContext &AST;
  const SourceManager &SM;
  llvm::SmallPtrSet<const Type *, 2> Contexts;

  llvm::DenseMap<const Stmt *, Effect> Effects;
  llvm::DenseMap<const Stmt *, std::string> UseText;
  // Expansion locations of macros whose expansion refers to Var.
  llvm::DenseSet<unsigned> RefExpansions;
  llvm::DenseMap<unsigned, bool> MacroMentions;
};

bool Tracker::prepare(const FunctionDecl &Function, const FunctionBody &Body) {
  for (const VarUse &U : findUses(Var, *Function.getBody(), Body)) {
    if (U.Kind == UseKind::AddressTaken || U.Ref->refersToEnclosingVariableOrCapture())
      return false;
    if (U.Ref->getBeginLoc().isMacroID())
      RefExpansions.insert(SM.getExpansionLoc(U.Ref->getBeginLoc()).getRawEncoding());
    // The statement that acts on the reference.
    const Stmt *Child = U.Ref;
    const Stmt *P = Body.parent(U.Ref);
    while (P && (isa<ParenExpr>(P) || isa<CastExpr>(P) || isa<ExprWithCleanups>(P))) {
      Child = P;
      P = Body.parent(P);
    }
    if (!P)
      continue;
    switch (U.Kind) {
    case UseKind::Dereferenced:
      Effects[P] = Effect::Use;
      UseText[P] = isa<ArraySubscriptExpr>(P) ? "indexed" : "dereferenced";
      break;
    case UseKind::Assigned:
    case UseKind::Modified:
      if (P != &Def)
        Effects[P] = Effect::Kill;
      break;
    case UseKind::Stored:
      // Copied to another variable or a field: a check may test the copy.
      if (!isa<DeclStmt>(P)) // declarations are judged per element
        Effects[P] = Effect::Kill;
      break;
    case UseKind::PassedToCall: {
      const FunctionDecl *Callee = U.Call->getDirectCallee();
      if (!Callee)
        break;
      if (!Model.releasingFamilies(*Callee).empty() ||
          (Callee->getIdentifier() && Callee->getName() == "free")) {
        Effects[P] = Effect::Kill; // handles NULL; later uses are another bug
        break;
      }
      unsigned I = U.Argument;
      // The object argument of an operator call is not a parameter.
      if (isa<CXXOperatorCallExpr>(U.Call) && isa<CXXMethodDecl>(Callee)) {
        if (I == 0)
          break;
        --I;
      }
      if (needsNonNullArguments(*Callee) || isNonNullParameter(*Callee, I)) {
        Effects[P] = Effect::Use;
        UseText[P] = "passed to " + Callee->getName().str() + "()";
      }
      break;
    }
    case UseKind::Read:
      // A NULL test whose result is kept (`failed = p == NULL;
      // if (failed) return;`) is a check wherever it stands.
      if (const auto *Test = dyn_cast<UnaryOperator>(P))
        if (Test->getOpcode() == UO_LNot)
          Effects[P] = Effect::Kill;
      if (const auto *Test = dyn_cast<BinaryOperator>(P))
        if (Test->isEqualityOp() && testsNull(Test, Var, AST))
          Effects[P] = Effect::Kill;
      // Into an aggregate, a constructor or a conditional's value: the
      // pointer lives on in something else a check may test.
      if (isa<InitListExpr>(P) || isa<CXXConstructExpr>(P) ||
          isa<CompoundLiteralExpr>(P) || isa<CXXNewExpr>(P) ||
          (isa<AbstractConditionalOperator>(P) &&
           cast<AbstractConditionalOperator>(P)->getCond() != Child) ||
          (isa<BinaryOperator>(P) && cast<BinaryOperator>(P)->getOpcode() == BO_Comma &&
           cast<BinaryOperator>(P)->getRHS() == Child))
        Effects[P] = Effect::Kill;
      break;
    default:
      break;
    }
  }
  return true;
}

// `assert(p)` under NDEBUG, `ASSERT(p != NULL)` compiled out: a macro
// expansion that names Var in its arguments but refers to it nowhere after
// expansion. The author checked the pointer in the debug build.
bool Tracker::isCompiledOutCheck(const Stmt *S) {
  SourceLocation Begin = S->getBeginLoc();
  if (!Begin.isMacroID())
    return false;
  SourceLocation Expansion = SM.getExpansionLoc(Begin);
  unsigned Key = Expansion.getRawEncoding();
  if (RefExpansions.count(Key))
    return false;
  auto It = MacroMentions.find(Key);
  if (It != MacroMentions.end())
    return It->second;
  bool Mentions = false;
  CharSourceRange Range = SM.getExpansionRange(Begin);
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(Range, SM, AST.getLangOpts(), &Invalid);
  size_t Open = Text.find('(');
  if (!Invalid && Open != StringRef::npos) {
    StringRef Args = Text.substr(Open);
    StringRef Name = Var.getName();
    for (size_t At = Args.find(Name); At != StringRef::npos;
         At = Args.find(Name, At + 1)) {
      auto IsIdent = [](char C) { return isalnum(static_cast<unsigned char>(C)) || C == '_'; };
      bool Before = At > 0 && IsIdent(Args[At - 1]);
      bool After = At + Name.size() < Args.size() && IsIdent(Args[At + Name.size()]);
      if (!Before && !After) {
        Mentions = true;
        break;
      }
    }
  }
  MacroMentions[Key] = Mentions;
  return Mentions;
}

Effect Tracker::effectOf(const Stmt *S, UseSite &Use) {
  if (isDef(S))
    return Effect::Gen;
  if (const auto *Decl = dyn_cast<DeclStmt>(S)) {
    // Clang's CFG splits `int *a = x, *b = p;` into one DeclStmt per
    // variable; judge the variables, not the statement.
    Effect E = Effect::None;
    for (const auto *D : Decl->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V)
        continue;
      if (V == &Var)
        E = V->getInit() && ignoreCastsAndCleanups(V->getInit()) == &Alloc ? Effect::Gen : Effect::Kill;
      else if (V->getInit() && isValueOf(V->getInit(), Var))
        E = Effect::Kill; // copied: a check may test the copy
    }
    return E;
  }
  auto It = Effects.find(S);
  if (It != Effects.end()) {
    if (It->second == Effect::Use) {
      Use.At = S;
      Use.What = UseText[S];
    }
    return It->second;
  }
  if (isCompiledOutCheck(S))
    return Effect::Kill;
  return Effect::None;
}

bool Tracker::isDef(const Stmt *S) const {
  if (S == &Def)
    return true;
  // Clang's CFG splits `int *a = x, *p = malloc(n);` into one DeclStmt per
  // variable.
  if (const auto *Decl = dyn_cast<DeclStmt>(S))
    for (const auto *D : Decl->decls())
      if (D == &Var)
        return Var.getInit() && ignoreCastsAndCleanups(Var.getInit()) == &Alloc;
  return false;
}

// A worklist over the blocks the allocation's unchecked value can reach:
// blocks holding the allocation first, then every block entered with the
// fact set. Each block is walked at most twice, so a candidate costs a
// fraction of one pass over the function's CFG.
std::vector<UseSite> Tracker::run(const CFG &Graph) {
  std::vector<char> Entered(Graph.getNumBlockIDs(), 0);
  std::vector<const CFGBlock *> Work;
  llvm::DenseMap<const Stmt *, std::string> Found;
  auto Walk = [&](const CFGBlock &B, char State) {
    for (const CFGElement &Element : B) {
      auto S = Element.getAs<CFGStmt>();
      if (!S)
        continue;
      UseSite Use{nullptr, ""};
      switch (effectOf(S->getStmt(), Use)) {
      case Effect::Gen:
        State = 1;
        break;
      case Effect::Kill:
        State = 0;
        break;
      case Effect::Use:
        if (State)
          Found[Use.At] = Use.What;
        break;
      case Effect::None:
        break;
      }
    }
    // A NULL test of the local ends the unchecked stretch on both
    // branches: the non-NULL one is checked, and the NULL one is where the
    // author handles (or chooses not to handle) the failure. Any other
    // condition that mentions the local counts too (CHECK(p), assert(p),
    // `if (!valid(p))`): the author looked at the pointer there, and a use
    // inside the condition was already judged, as the block's elements
    // come before its branch. So does testing the failure flag of the
    // context the allocator was given (sqlite's `db->mallocFailed`).
    const auto *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition());
    if (Cond && (testsNull(Cond, Var, AST) || mentions(Cond, Var) ||
                 readsContext(Cond, Contexts)))
      State = 0;
    if (!State)
      return;
    for (const CFGBlock::AdjacentBlock &Succ : B.succs())
      if (const CFGBlock *Next = Succ.getReachableBlock())
        if (!Entered[Next->getBlockID()]) {
          Entered[Next->getBlockID()] = 1;
          Work.push_back(Next);
        }
  };
  bool SawDef = false;
  for (const CFGBlock *B : Graph)
    for (const CFGElement &Element : *B)
      if (auto S = Element.getAs<CFGStmt>())
        if (isDef(S->getStmt())) {
          SawDef = true;
          Walk(*B, 0);
          break;
        }
  while (!Work.empty()) {
    const CFGBlock *B = Work.back();
    Work.pop_back();
    Walk(*B, 1);
  }
  std::vector<UseSite> Uses;
  if (!SawDef)
    return Uses;
  for (const auto &Entry : Found)
    Uses.push_back({Entry.first, Entry.second});
  std::sort(Uses.begin(), Uses.end(), [this](const UseSite &A, const UseSite &B) {
    return SM.isBeforeInTranslationUnit(A.At->getBeginLoc(), B.At->getBeginLoc());
  });
  return Uses;
}

// Does the condition do more with Var than compare it: `p->x`, `p[0]`,
// `*p`, `f(p)` (a use that may come before the test)?
bool usesInCondition(const Stmt *S, const VarDecl &Var) {
  if (!S)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (Call->getBuiltinCallee() != Builtin::BI__builtin_expect && mentions(Call, Var))
      return true;
  } else if (isa<MemberExpr>(S) || isa<ArraySubscriptExpr>(S)) {
    if (mentions(S, Var))
      return true;
  } else if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
    if (Unary->getOpcode() == UO_Deref && mentions(S, Var))
      return true;
  }
  for (const Stmt *Child : S->children())
    if (usesInCondition(Child, Var))
      return true;
  return false;
}

bool isCheck(const Expr *Cond, const VarDecl &Var, const Expr &Alloc, ASTContext &AST) {
  return Cond && !usesInCondition(Cond, Var) &&
         (testsNull(Cond, Var, AST) || readsContext(Cond, contextTypes(Alloc)));
}

// The common case, decided without a CFG: the allocation sits in a test
// of the local (`if ((p = malloc(n)) == NULL)`), or the statement right
// after it is one (`p = malloc(n); if (p == 0) return SQLITE_NOMEM;`).
bool checkedAtOnce(const Stmt &Def, const VarDecl &Var, const Expr &Alloc,
                   const FunctionBody &Body, ASTContext &AST) {
  const Stmt *Child = &Def;
  const Stmt *P = Body.parent(Child);
  while (P && (isa<Expr>(P) && !isa<StmtExpr>(P))) {
    Child = P;
    P = Body.parent(P);
  }
  if (!P)
    return false;
  if (const auto *If = dyn_cast<IfStmt>(P))
    if (If->getCond() == Child)
      return isCheck(If->getCond(), Var, Alloc, AST);
  if (const auto *While = dyn_cast<WhileStmt>(P))
    if (While->getCond() == Child)
      return isCheck(While->getCond(), Var, Alloc, AST);
  const auto *Block = dyn_cast<CompoundStmt>(P);
  if (!Block || (Child != &Def && !isa<ExprWithCleanups>(Child)))
    return false; // the allocation inside a larger expression
  const Stmt *const *It = std::find(Block->body_begin(), Block->body_end(), Child);
  if (It == Block->body_end())
    return false;
  for (++It; It != Block->body_end() && isa<NullStmt>(*It); ++It) {
  }
  if (It == Block->body_end())
    return false;
  const auto *If = dyn_cast<IfStmt>(*It);
  return If && !If->getInit() && !If->getConditionVariable() &&
         isCheck(If->getCond(), Var, Alloc, AST);
}

} // namespace

UncheckedAllocCheck::UncheckedAllocCheck(CheckContext &Ctx)
    : Check(MR_RULE_UNCHECKED_ALLOC, Ctx) {}

UncheckedAllocCheck::~UncheckedAllocCheck() = default;

std::vector<std::string> UncheckedAllocCheck::triggers() const {
  return allocationSiteTriggers(Ctx.Allocators);
}

void UncheckedAllocCheck::registerMatchers(MatchFinder &Finder) {
  addAllocationSiteMatchers(Finder, this, Ctx.Allocators,
                            Ctx.AST.getLangOpts().CPlusPlus, "call", "new");
}

void UncheckedAllocCheck::run(const MatchFinder::MatchResult &Result) {
  ASTContext &AST = Ctx.AST;
  const Expr *Alloc = nullptr;
  std::string Allocator;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    const AllocatorFamily *Family = Ctx.Allocators.calleeFamily(*Call);
    if (!Family || Ctx.Allocators.neverNull(*Call))
      return;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Family->Name == "libc" && Ctx.Allocators.isNamedAllocator(Callee->getName()) &&
        !isLibcDeclaration(*Callee))
      return;
    Alloc = Call;
    Allocator = Callee->getName().str() + "()";
  } else if (const auto *New = Result.Nodes.getNodeAs<CXXNewExpr>("new")) {
    // Only a non-throwing operator new (std::nothrow) returns NULL.
    // (A dependent new in a template has no operator new yet.)
    if (New->isTypeDependent() || New->isValueDependent() ||
        !New->getOperatorNew() || !New->shouldNullCheckAllocation())
      return;
    Alloc = New;
    Allocator = "new (std::nothrow)";
  } else {
    return;
  }
  SourceLocation Loc = Alloc->getBeginLoc();
  if (!wants(Loc))
    return;
  const SourceManager &SM = AST.getSourceManager();
  if (SM.isInSystemHeader(SM.getSpellingLoc(Loc)))
    return;
  const FunctionBody *BodyOrNull = Ctx.Functions.nonTemplateBodyAround(*Alloc);
  if (!BodyOrNull)
    return;
  const FunctionBody &Body = *BodyOrNull;
  const FunctionDecl *Function = &Body.function();

  // The local that receives the allocation: `T *p = alloc(..)` or
  // `p = alloc(..)` (possibly inside a condition).
  const Stmt *Parent = Body.parentIgnoringParenCasts(Alloc);
  while (isa_and_nonnull<ExprWithCleanups>(Parent))
    Parent = Body.parentIgnoringParenCasts(Parent);
  const VarDecl *Var = nullptr;
  const Stmt *Def = nullptr;
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent)) {
    if (Assign->getOpcode() != BO_Assign || ignoreCastsAndCleanups(Assign->getRHS()) != Alloc)
      return;
    const auto *Ref = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParens());
    Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    Def = Assign;
  } else if (const auto *Decl = dyn_cast_or_null<DeclStmt>(Parent)) {
    for (const auto *D : Decl->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (V->getInit() && ignoreCastsAndCleanups(V->getInit()) == Alloc)
          Var = V;
    Def = Decl;
  }
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      !Var->getType()->isPointerType() || Var->getType().isVolatileQualified())
    return;

  if (checkedAtOnce(*Def, *Var, *Alloc, Body, AST))
    return;
  Tracker T(*Var, *Def, *Alloc, Ctx.Allocators, AST);
  if (!T.prepare(*Function, Body))
    return;
  const CFG *Graph = Ctx.Functions.cfg(*Function, AST);
  if (!Graph)
    return;
  std::vector<UseSite> Uses = T.run(*Graph);
  if (Uses.empty())
    return;
  const UseSite &First = Uses.front();
  if (!Reported.insert(First.At).second)
    return;
  std::string Name = "'" + Var->getName().str() + "'";
  Finding F = finding(First.At->getBeginLoc(),
                      Name + " is " + First.What +
                          " before any NULL check, but " + Allocator +
                          " returns NULL when memory runs out, so the program "
                          "crashes here instead of handling the failure; "
                          "check " + Name + " for NULL first");
  F.Notes.push_back({Loc, Name + " is allocated here and may be NULL"});
  F.Owner = Function;
  F.InLoop = Body.innermostLoop(First.At) != nullptr;
  Ctx.Report.report(F);
}

} // namespace memrules
