#include "FunctionIndex.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprObjC.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"

#include <algorithm>

using namespace clang;

namespace memrules {

FunctionBody::FunctionBody(const FunctionDecl &F)
    : Function(F), Parents(F.getBody()) {}

const Stmt *FunctionBody::parent(const Stmt *S) const {
  return Parents.getParent(S);
}

bool FunctionBody::contains(const Stmt *S) const {
  return S == Function.getBody() || Parents.hasParent(S);
}

const Stmt *FunctionBody::parentIgnoringParenCasts(const Stmt *S) const {
  return Parents.getParentIgnoreParenCasts(S);
}

const Stmt *FunctionBody::loopBody(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return For->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(Loop))
    return Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return Range->getBody();
  return nullptr;
}

// Is Child, a direct child of Loop, evaluated on every iteration?
static bool runsPerIteration(const Stmt *Loop, const Stmt *Child) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return Child != For->getInit();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return Child == Range->getBody() || Child == Range->getLoopVarStmt();
  return true;
}

const Stmt *FunctionBody::innermostLoop(const Stmt *S) const {
  const Stmt *Child = S;
  for (const Stmt *P = parent(S); P; Child = P, P = parent(P)) {
    if (isa<LambdaExpr>(P) || isa<BlockExpr>(P))
      return nullptr;
    if (loopBody(P) && runsPerIteration(P, Child))
      return P;
  }
  return nullptr;
}

namespace {
class ReferenceIndexer : public RecursiveASTVisitor<ReferenceIndexer> {
public:
  explicit ReferenceIndexer(
      llvm::DenseMap<const VarDecl *, std::vector<const DeclRefExpr *>> &Out)
      : Out(Out) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      Out[Var].push_back(Ref);
    return true;
  }
  llvm::DenseMap<const VarDecl *, std::vector<const DeclRefExpr *>> &Out;
};
} // namespace

const std::vector<const DeclRefExpr *> &
FunctionBody::references(const VarDecl &Var) const {
  if (!Indexed) {
    Indexed = true;
    ReferenceIndexer(References).TraverseStmt(const_cast<Stmt *>(Function.getBody()));
  }
  static const std::vector<const DeclRefExpr *> None;
  auto It = References.find(&Var);
  return It == References.end() ? None : It->second;
}

bool FunctionBody::isWithin(const Stmt *S, const Stmt *Ancestor) const {
  for (; S; S = parent(S))
    if (S == Ancestor)
      return true;
  return false;
}

void FunctionIndex::addFunction(const FunctionDecl *F) {
  // An explicit instantiation (`template void f<int>(int);`) is a top-level
  // declaration whose body is a copy of the pattern's, at the same place:
  // the pattern is the function written there.
  if (!F->doesThisDeclarationHaveABody() || !F->getBody() || F->isTemplateInstantiation())
    return;
  SourceRange Range = F->getBody()->getSourceRange();
  SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
  SourceLocation End = SM.getExpansionRange(Range.getEnd()).getEnd();
  if (Begin.isInvalid() || End.isInvalid() || SM.isInSystemHeader(Begin))
    return;
  std::pair<FileID, unsigned> B = SM.getDecomposedLoc(Begin);
  std::pair<FileID, unsigned> E = SM.getDecomposedLoc(End);
  if (B.first != E.first)
    return;
  Extents[B.first].push_back({B.second, E.second, F});
  Sorted = false;
}

void FunctionIndex::addTopLevel(Decl *D) {
  if (auto *F = dyn_cast<FunctionDecl>(D)) {
    addFunction(F);
  } else if (auto *Template = dyn_cast<FunctionTemplateDecl>(D)) {
    addFunction(Template->getTemplatedDecl());
  } else if (auto *Class = dyn_cast<ClassTemplateDecl>(D)) {
    addTopLevel(Class->getTemplatedDecl());
  } else if (auto *Context = dyn_cast<DeclContext>(D)) {
    if (isa<NamespaceDecl>(D) || isa<LinkageSpecDecl>(D) ||
        isa<CXXRecordDecl>(D) || isa<ExportDecl>(D))
      for (Decl *Member : Context->decls())
        addTopLevel(Member);
  }
}

const FunctionDecl *FunctionIndex::enclosing(SourceLocation Loc) {
  if (!Sorted) {
    for (auto &Entry : Extents)
      std::stable_sort(Entry.second.begin(), Entry.second.end(),
                       [](const Extent &A, const Extent &B) {
                         return A.Begin < B.Begin;
                       });
    Sorted = true;
  }
  std::pair<FileID, unsigned> At = SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
  auto It = Extents.find(At.first);
  if (It == Extents.end())
    return nullptr;
  const std::vector<Extent> &List = It->second;
  // The last body starting at or before Loc; walk back over bodies that end
  // before it (a local class's methods sit inside their function's body).
  auto Pos = std::upper_bound(List.begin(), List.end(), At.second,
                              [](unsigned Offset, const Extent &E) {
                                return Offset < E.Begin;
                              });
  while (Pos != List.begin()) {
    --Pos;
    if (Pos->End >= At.second)
      return Pos->Function;
  }
  return nullptr;
}

FunctionIndex::FunctionIndex(SourceManager &SM) : SM(SM) {}

FunctionIndex::~FunctionIndex() = default;

const CFG *FunctionIndex::cfg(const FunctionDecl &F, ASTContext &AST) {
  auto It = CFGs.find(&F);
  if (It != CFGs.end())
    return It->second.get();
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph = CFG::buildCFG(&F, F.getBody(), &AST, Options);
  const CFG *Result = Graph.get();
  CFGs[&F] = std::move(Graph);
  return Result;
}

const FunctionBody &FunctionIndex::body(const FunctionDecl &F) {
  std::unique_ptr<FunctionBody> &Slot = Bodies[&F];
  if (!Slot)
    Slot.reset(new FunctionBody(F));
  return *Slot;
}

const FunctionBody *FunctionIndex::bodyAround(const Stmt &S) {
  const FunctionDecl *Function = enclosing(S.getBeginLoc());
  if (!Function || !Function->getBody())
    return nullptr;
  const FunctionBody &Body = body(*Function);
  return Body.contains(&S) ? &Body : nullptr;
}

const FunctionBody *FunctionIndex::nonTemplateBodyAround(const Stmt &S) {
  const FunctionBody *Body = bodyAround(S);
  if (!Body || Body->function().isDependentContext() ||
      Body->function().getTemplateInstantiationPattern())
    return nullptr;
  return Body;
}

} // namespace memrules
