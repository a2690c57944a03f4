// mismatched-dealloc: memory released by the wrong function for how it was
// allocated — free() of `new`, `delete` of malloc(), `delete` of `new[]` and
// back, two allocator families of the policy crossed, and free() of what is
// not on the heap at all (a string literal, a stack array, `&local`).
//
// Bottom-up: the matchers fire only on calls of free and the policy's
// releasers and on delete-expressions. The released operand is judged as
// written (`free(buf)` of a stack array) or, for a local pointer variable,
// through its assignments in the function: a reaching-definitions pass over
// the function's CFG (built only for such candidates, once per function)
// gives the values the variable may hold at the release.
#include "MismatchedDealloc.h"

#include "analysis/AllocationSites.h"
#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

// What a pointer value is, as far as this rule cares.
enum class Kind {
  Null,         // a null pointer constant: releasing it is harmless
  Unknown,      // anything the rule cannot see into
  Family,       // a call of an allocator family's allocator (libc or policy)
  New,          // new T, with the global replaceable operator new
  NewArray,     // new T[n], likewise
  Literal,      // "text"
  StackArray,   // an automatic array
  StackAddress, // &x of an automatic object (or a member / element of it)
  Alloca,       // alloca(n)
};

bool isStack(Kind K) {
  return K == Kind::Literal || K == Kind::StackArray || K == Kind::StackAddress ||
         K == Kind::Alloca;
}

bool isAllocation(Kind K) {
  return K == Kind::Family || K == Kind::New || K == Kind::NewArray;
}

struct Value {
  Kind K = Kind::Unknown;
  const AllocatorFamily *Family = nullptr;
  const Expr *Source = nullptr;     // the allocation, literal or address
  const VarDecl *Object = nullptr;  // the stack array or automatic object
  std::string Allocator;            // "malloc()", "new", "new[]"
};

// How the operand is released.
struct Release {
  enum { Function, Delete, DeleteArray } Form = Function;
  const Stmt *At = nullptr; // the call or delete-expression
  const Expr *Operand = nullptr;
  std::string Name; // "free()", "delete", "delete[]"
  std::vector<const AllocatorFamily *> Families; // Form == Function
};

// The automatic variable whose storage E designates: `x`, `x.m`, `x[i]`
// of an automatic array or struct, or null.
const VarDecl *automaticObject(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow())
        return nullptr;
      E = Member->getBase();
    } else if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = Subscript->getBase()->IgnoreParenImpCasts();
      if (!Base->getType()->isArrayType())
        return nullptr;
      E = Base;
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
        return nullptr;
      return Var;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

bool isAllocaCall(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return false;
  StringRef Name = Callee->getName();
  return Name == "alloca" || Name == "__builtin_alloca" ||
         Name == "__builtin_alloca_with_align" ||
         Name == "__builtin_alloca_uninitialized";
}

Value classify(const Expr *E, const AllocatorModel &Model, ASTContext &AST) {
  Value V;
  if (!E || E->isTypeDependent() || E->isValueDependent())
    return V;
  if (E->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull)) {
    V.K = Kind::Null;
    return V;
  }
  E = ignoreCastsAndCleanups(E);
  V.Source = E;
  if (isa<StringLiteral>(E)) {
    V.K = Kind::Literal;
  } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (Var && Var->hasLocalStorage() && Var->getType()->isArrayType()) {
      V.K = Kind::StackArray;
      V.Object = Var;
    }
  } else if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_AddrOf)
      if (const VarDecl *Var = automaticObject(Unary->getSubExpr())) {
        V.K = Kind::StackAddress;
        V.Object = Var;
      }
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (isAllocaCall(*Call)) {
      V.K = Kind::Alloca;
    } else if (const AllocatorFamily *Family = Model.calleeFamily(*Call)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Family->Name != "libc" || !Model.isNamedAllocator(Callee->getName()) ||
          isLibcDeclaration(*Callee)) {
        V.K = Kind::Family;
        V.Family = Family;
        V.Allocator = Callee->getName().str() + "()";
      }
    }
  } else if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    // Placement new and class-specific operator new allocate elsewhere.
    const FunctionDecl *Op = New->getOperatorNew();
    if (Op && Op->isReplaceableGlobalAllocationFunction()) {
      V.K = New->isArray() ? Kind::NewArray : Kind::New;
      V.Allocator = New->isArray() ? "new[]" : "new";
    }
  }
  return V;
}

// The family list names both, or they are sub-families of one preset
// (sqlite3's connection-bound allocations may be freed either way).
bool sameFamily(const AllocatorFamily *A, const AllocatorFamily *B) {
  return A == B || (A->Name == B->Name && A->Name != "policy");
}

// How V should be released, if Rel is the wrong way; "" when Rel is right
// or the rule cannot tell.
std::string correctRelease(const Value &V, const Release &Rel) {
  switch (V.K) {
  case Kind::Family:
    if (V.Family->Releasers.empty() || !V.Family->ReleasersKnown)
      return ""; // an arena, or a deallocator nobody declared: nothing to suggest
    if (Rel.Form == Release::Function)
      for (const AllocatorFamily *F : Rel.Families)
        if (sameFamily(F, V.Family))
          return "";
    return V.Family->Releasers.front() + "()";
  case Kind::New:
    return Rel.Form == Release::Delete ? "" : "delete";
  case Kind::NewArray:
    return Rel.Form == Release::DeleteArray ? "" : "delete[]";
  default:
    return "";
  }
}

std::string describeLiteral(const StringLiteral &Literal) {
  if (Literal.getCharByteWidth() != 1)
    return "a string literal";
  StringRef Text = Literal.getString();
  for (char C : Text)
    if (C < 0x20 || C > 0x7e || C == '"' || C == '\\')
      return "a string literal";
  if (Text.size() > 32)
    return "the string literal \"" + Text.substr(0, 29).str() + "...\"";
  return "the string literal \"" + Text.str() + "\"";
}

// "the string literal "anon"", "the stack array 'buf'", ...
std::string describeStack(const Value &V, bool Address) {
  switch (V.K) {
  case Kind::Literal:
    return describeLiteral(*cast<StringLiteral>(V.Source));
  case Kind::StackArray:
    return "the stack array '" + V.Object->getName().str() + "'";
  case Kind::StackAddress:
    return std::string(Address ? "the address of " : "") +
           "the automatic variable '" + V.Object->getName().str() + "'";
  case Kind::Alloca:
    return "stack memory from alloca()";
  default:
    return "";
  }
}

const char *UB = "which is undefined behaviour (the heap can be corrupted)";

// Is E `V`, `V != NULL` or `NULL != V`?
bool isNonNullTest(const Expr *E, const VarDecl &Var, ASTContext &AST) {
  E = E->IgnoreParenImpCasts();
  if (refersTo(E, Var))
    return true;
  const auto *Ne = dyn_cast<BinaryOperator>(E);
  if (!Ne || Ne->getOpcode() != BO_NE)
    return false;
  auto IsNull = [&AST](const Expr *X) {
    return X->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull) !=
           Expr::NPCK_NotNull;
  };
  return (refersTo(Ne->getLHS(), Var) && IsNull(Ne->getRHS())) ||
         (refersTo(Ne->getRHS(), Var) && IsNull(Ne->getLHS()));
}

// Does the release run whenever the code around the assignment Def runs?
// Climbing from the release to the nearest statement that also holds Def,
// only blocks, labels, `do { } while (0)` and `if (p)` null guards may lie
// between. A release under any other condition may be guarded by a flag
// correlated with the assignment (`if (owned) free(name)`), which a CFG
// cannot see: stay silent there.
bool releaseFollows(const Stmt &ReleaseAt, const Stmt &Def, const VarDecl &Var,
                    const FunctionBody &Body, ASTContext &AST) {
  llvm::SmallPtrSet<const Stmt *, 16> DefAncestors;
  for (const Stmt *S = &Def; S; S = Body.parent(S))
    DefAncestors.insert(S);
  const Stmt *Child = &ReleaseAt;
  for (const Stmt *P = Body.parent(Child); P; Child = P, P = Body.parent(P)) {
    if (DefAncestors.count(P))
      return true;
    if (isa<CompoundStmt>(P) || isa<LabelStmt>(P) || isa<AttributedStmt>(P) ||
        isa<ParenExpr>(P) || isa<ExprWithCleanups>(P) || isa<CastExpr>(P))
      continue;
    if (const auto *If = dyn_cast<IfStmt>(P)) {
      if (Child == If->getThen() && !If->getElse() && !If->getInit() &&
          !If->getConditionVariable() && If->getCond() &&
          isNonNullTest(If->getCond(), Var, AST))
        continue;
      return false;
    }
    if (const auto *Do = dyn_cast<DoStmt>(P)) {
      const auto *Zero =
          dyn_cast_or_null<IntegerLiteral>(Do->getCond()->IgnoreParenImpCasts());
      if (Child == Do->getBody() && Zero && Zero->getValue() == 0)
        continue;
      return false;
    }
    return false;
  }
  return false;
}

struct Def {
  const Stmt *Ast = nullptr; // the assignment, or the declaration's init
  bool IsDecl = false;       // the declaration's initializer
  Value V;
};

// The assignment or increment a reference is the target of.
const Stmt *writeOf(const DeclRefExpr *Ref, const FunctionBody &Body) {
  const Stmt *P = Body.parent(Ref);
  while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)))
    P = Body.parent(P);
  return P;
}

// Which of Defs may reach Target: reaching definitions over the CFG (every
// definition of the one variable kills the others).
llvm::BitVector reachingDefs(const CFG &Graph, const std::vector<Def> &Defs,
                             const VarDecl &Var, const Stmt &Target, bool &Found) {
  Found = false;
  llvm::DenseMap<const Stmt *, unsigned> ByStmt;
  int DeclDef = -1;
  for (unsigned I = 0; I < Defs.size(); ++I) {
    if (Defs[I].IsDecl)
      DeclDef = I;
    else
      ByStmt[Defs[I].Ast] = I;
  }
  auto DefAt = [&](const CFGElement &Element) -> int {
    auto S = Element.getAs<CFGStmt>();
    if (!S)
      return -1;
    const Stmt *St = S->getStmt();
    if (const auto *DS = dyn_cast<DeclStmt>(St))
      return DS->isSingleDecl() && DS->getSingleDecl() == &Var ? DeclDef : -1;
    auto It = ByStmt.find(St);
    return It == ByStmt.end() ? -1 : int(It->second);
  };

  unsigned Blocks = Graph.getNumBlockIDs();
  std::vector<int> Last(Blocks, -1);
  const CFGBlock *TargetBlock = nullptr;
  unsigned TargetIndex = 0;
  for (const CFGBlock *B : Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *B) {
      int D = DefAt(Element);
      if (D >= 0)
        Last[B->getBlockID()] = D;
      if (auto S = Element.getAs<CFGStmt>())
        if (S->getStmt() == &Target && !TargetBlock) {
          TargetBlock = B;
          TargetIndex = Index;
        }
      ++Index;
    }
  }
  llvm::BitVector Result(Defs.size());
  if (!TargetBlock)
    return Result;
  Found = true;

  std::vector<llvm::BitVector> In(Blocks, llvm::BitVector(Defs.size()));
  std::vector<llvm::BitVector> Out(Blocks, llvm::BitVector(Defs.size()));
  bool Changed = true;
  for (unsigned Round = 0; Changed && Round < 1000; ++Round) {
    Changed = false;
    for (const CFGBlock *B : Graph) {
      unsigned Id = B->getBlockID();
      llvm::BitVector NewIn(Defs.size());
      for (const CFGBlock::AdjacentBlock &Pred : B->preds())
        if (const CFGBlock *P = Pred.getReachableBlock())
          NewIn |= Out[P->getBlockID()];
      llvm::BitVector NewOut(Defs.size());
      if (Last[Id] >= 0)
        NewOut.set(Last[Id]);
      else
        NewOut = NewIn;
      if (NewIn != In[Id] || NewOut != Out[Id]) {
        In[Id] = NewIn;
        Out[Id] = NewOut;
        Changed = true;
      }
    }
  }
  Result = In[TargetBlock->getBlockID()];
  unsigned Index = 0;
  for (const CFGElement &Element : *TargetBlock) {
    if (Index++ == TargetIndex)
      break;
    int D = DefAt(Element);
    if (D >= 0) {
      Result.reset();
      Result.set(D);
    }
  }
  return Result;
}

// `delete p` <-> `delete[] p`: the text from the keyword to the operand,
// when it is plain `delete`, `delete []` or `::delete[]` outside macros.
bool deleteFix(const CXXDeleteExpr &Delete, bool ToArray, ASTContext &AST,
               FixItHint &Fix) {
  const SourceManager &SM = AST.getSourceManager();
  SourceLocation Begin = Delete.getBeginLoc();
  SourceLocation OperandBegin = Delete.getArgument()->getBeginLoc();
  if (Begin.isMacroID() || OperandBegin.isMacroID())
    return false;
  CharSourceRange Range = CharSourceRange::getCharRange(Begin, OperandBegin);
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(Range, SM, AST.getLangOpts(), &Invalid);
  if (Invalid)
    return false;
  std::string Keyword;
  StringRef Rest = Text;
  if (Rest.consume_front("::"))
    Keyword = "::";
  Rest = Rest.ltrim();
  if (!Rest.consume_front("delete"))
    return false;
  Rest = Rest.trim();
  if (Rest.consume_front("[")) {
    Rest = Rest.ltrim();
    if (!Rest.consume_front("]"))
      return false;
    Rest = Rest.trim();
  }
  if (!Rest.empty())
    return false; // a comment or something odd: leave it to the user
  Keyword += ToArray ? "delete[] " : "delete ";
  Fix = FixItHint::CreateReplacement(Range, Keyword);
  return true;
}

} // namespace

MismatchedDeallocCheck::MismatchedDeallocCheck(CheckContext &Ctx)
    : Check(MR_RULE_MISMATCHED_DEALLOC, Ctx) {}

MismatchedDeallocCheck::~MismatchedDeallocCheck() = default;

std::vector<std::string> MismatchedDeallocCheck::triggers() const {
  std::vector<std::string> Names = Ctx.Allocators.releaserNames();
  Names.push_back("free");
  Names.push_back("delete");
  return Names;
}

void MismatchedDeallocCheck::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(callExpr(callee(functionDecl(isReleaserIn(&Ctx.Allocators))),
                             unless(isExpansionInSystemHeader()))
                        .bind("call"),
                    this);
  if (Ctx.AST.getLangOpts().CPlusPlus)
    Finder.addMatcher(cxxDeleteExpr(unless(isExpansionInSystemHeader())).bind("delete"),
                      this);
}

void MismatchedDeallocCheck::run(const MatchFinder::MatchResult &Result) {
  ASTContext &AST = Ctx.AST;
  Release Rel;
  const CXXDeleteExpr *Delete = Result.Nodes.getNodeAs<CXXDeleteExpr>("delete");
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier() || isa<CXXMethodDecl>(Callee))
      return;
    if (Callee->getName() == "free" && !isLibcDeclaration(*Callee))
      return;
    Rel.Families = Ctx.Allocators.releasingFamilies(*Callee);
    if (Rel.Families.empty())
      return;
    Rel.Operand = releasedArgument(*Call, *Callee);
    Rel.Name = Callee->getName().str() + "()";
    Rel.At = Call;
  } else if (Delete) {
    // Class-specific operator delete (matching a class operator new) and
    // dependent types are the class's own business.
    const FunctionDecl *Op = Delete->getOperatorDelete();
    if (!Op || !Op->isReplaceableGlobalAllocationFunction() ||
        Delete->getArgument()->isTypeDependent())
      return;
    Rel.Form = Delete->isArrayForm() ? Release::DeleteArray : Release::Delete;
    Rel.Name = Delete->isArrayForm() ? "delete[]" : "delete";
    Rel.Operand = Delete->getArgument();
    Rel.At = Delete;
  } else {
    return;
  }
  if (!Rel.Operand)
    return;
  SourceLocation Loc = Rel.At->getBeginLoc();
  if (!wants(Loc))
    return;
  // A release written by a system header's macro is not the user's text.
  const SourceManager &SM = AST.getSourceManager();
  if (SM.isInSystemHeader(SM.getSpellingLoc(Loc)))
    return;
  const FunctionBody *BodyOrNull = Ctx.Functions.nonTemplateBodyAround(*Rel.At);
  if (!BodyOrNull)
    return;
  const FunctionBody &Body = *BodyOrNull;
  const FunctionDecl *Function = &Body.function();

  Finding F = finding(Loc, "");
  F.Owner = Function;
  F.InLoop = Body.innermostLoop(Rel.At) != nullptr;

  // The operand as written: `free(buf)`, `free(&x)`, `free("x")`,
  // `delete (T *)malloc(n)`.
  Value Direct = classify(Rel.Operand, Ctx.Allocators, AST);
  if (isStack(Direct.K)) {
    F.Message = describeStack(Direct, /*Address=*/true) + " is released with " +
                Rel.Name + ", " + UB + "; do not release it";
    Ctx.Report.report(F);
    return;
  }
  if (isAllocation(Direct.K)) {
    std::string Use = correctRelease(Direct, Rel);
    if (Use.empty())
      return;
    F.Message = "memory allocated with " + Direct.Allocator +
                " is released with " + Rel.Name + ", " + UB + "; use " + Use;
    Ctx.Report.report(F);
    return;
  }

  // A local pointer variable: what may it hold here?
  const auto *Ref = dyn_cast<DeclRefExpr>(ignoreCastsAndCleanups(Rel.Operand));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      Var->getType()->isReferenceType() || !Var->getType()->isPointerType())
    return;
  std::vector<Def> Defs;
  if (Var->getInit()) {
    Def D;
    D.IsDecl = true;
    D.Ast = Var->getInit();
    D.V = classify(Var->getInit(), Ctx.Allocators, AST);
    Defs.push_back(D);
  }
  for (const VarUse &Use : findUses(*Var, *Function->getBody(), Body)) {
    // Written through its address or from a lambda: not this function's
    // statements alone.
    if (Use.Kind == UseKind::AddressTaken ||
        Use.Ref->refersToEnclosingVariableOrCapture())
      return;
    if (Use.Kind != UseKind::Assigned && Use.Kind != UseKind::Modified)
      continue;
    Def D;
    D.Ast = writeOf(Use.Ref, Body);
    if (!D.Ast)
      return;
    if (Use.Kind == UseKind::Assigned) {
      const auto *Assign = dyn_cast<BinaryOperator>(D.Ast);
      if (!Assign)
        return;
      D.V = classify(Assign->getRHS(), Ctx.Allocators, AST);
    }
    Defs.push_back(D);
  }
  // Cheap filter before any CFG: some assignment must be wrong here.
  bool Candidate = false;
  for (const Def &D : Defs)
    Candidate |= isStack(D.V.K) || !correctRelease(D.V, Rel).empty();
  if (!Candidate)
    return;
  const CFG *Graph = Ctx.Functions.cfg(*Function, AST);
  if (!Graph)
    return;
  bool Found = false;
  llvm::BitVector Reaching = reachingDefs(*Graph, Defs, *Var, *Rel.At, Found);
  if (!Found)
    return;
  std::vector<const Def *> Live, Stack;
  for (unsigned I : Reaching.set_bits()) {
    if (Defs[I].V.K == Kind::Null)
      continue;
    Live.push_back(&Defs[I]);
    if (isStack(Defs[I].V.K))
      Stack.push_back(&Defs[I]);
  }
  if (Live.empty())
    return;
  auto ByPosition = [&SM](const Def *A, const Def *B) {
    return SM.isBeforeInTranslationUnit(A->Ast->getBeginLoc(), B->Ast->getBeginLoc());
  };
  std::sort(Live.begin(), Live.end(), ByPosition);
  std::sort(Stack.begin(), Stack.end(), ByPosition);
  std::string Name = "'" + Var->getName().str() + "'";

  if (!Stack.empty()) {
    const Def &First = *Stack.front();
    if (!releaseFollows(*Rel.At, *First.Ast, *Var, Body, AST))
      return;
    bool Always = Stack.size() == Live.size();
    std::string What = describeStack(First.V, /*Address=*/false);
    F.Message = Name + (Always ? " points to " : " may point to ") + What +
                " when it is released with " + Rel.Name + ", " + UB +
                (Always ? "; do not release it"
                        : "; release it only on the paths that allocated it");
    for (const Def *D : Stack)
      F.Notes.push_back({D->V.Source->getBeginLoc(),
                         Name + " is assigned " + describeStack(D->V, false) + " here"});
    Ctx.Report.report(F);
    return;
  }

  // Every value that reaches the release comes from one wrong allocator.
  std::string Use;
  for (const Def *D : Live) {
    std::string This = correctRelease(D->V, Rel);
    if (This.empty() || D->V.K != Live.front()->V.K || (!Use.empty() && This != Use))
      return;
    Use = This;
  }
  const Value &Alloc = Live.front()->V;
  F.Message = Name + " was allocated with " + Alloc.Allocator +
              " but is released with " + Rel.Name + ", " + UB + "; use " + Use;
  for (const Def *D : Live)
    F.Notes.push_back({D->V.Source->getBeginLoc(),
                       Name + " is allocated with " + Alloc.Allocator + " here"});
  FixItHint Fix;
  if (Delete && (Alloc.K == Kind::New || Alloc.K == Kind::NewArray) &&
      deleteFix(*Delete, Alloc.K == Kind::NewArray, AST, Fix))
    F.FixIts.push_back(Fix);
  Ctx.Report.report(F);
}

} // namespace memrules
