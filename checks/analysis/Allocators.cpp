#include "Allocators.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"

#include <algorithm>

using namespace clang;

namespace memrules {

bool isLibcDeclaration(const FunctionDecl &F) {
  if (isa<CXXMethodDecl>(&F))
    return false;
  const DeclContext *DC = F.getDeclContext()->getRedeclContext();
  return DC->isTranslationUnit() || DC->isStdNamespace() || F.isExternC();
}

static AllocatorFamily libcFamily() {
  AllocatorFamily Libc;
  Libc.Name = "libc";
  Libc.Allocators = {"malloc",  "calloc",        "realloc", "reallocarray",
                     "strdup",  "strndup",       "aligned_alloc", "memalign",
                     "valloc",  "pvalloc"};
  Libc.Releasers = {"free"};
  return Libc;
}

static std::vector<std::string> strings(const char *const *List, size_t Count) {
  return std::vector<std::string>(List, List + Count);
}

AllocatorModel::AllocatorModel(const mr_policy &Policy) {
  Families.push_back(libcFamily());
  size_t Count = mr_policy_allocator_family_count(&Policy);
  for (size_t I = 0; I < Count; ++I) {
    const mr_allocator_family *F = mr_policy_allocator_family(&Policy, I);
    AllocatorFamily Family;
    Family.Name = F->name;
    Family.Allocators = strings(F->alloc, F->alloc_count);
    Family.Releasers = strings(F->release, F->release_count);
    Family.NeverNull = F->never_null;
    Families.push_back(std::move(Family));
  }
  // Later families win a name: a project may redeclare a libc name.
  for (unsigned I = 0; I < Families.size(); ++I) {
    for (const std::string &Name : Families[I].Allocators)
      AllocatorIndex[Name] = I;
    for (const std::string &Name : Families[I].Releasers)
      ReleaserIndex[Name] = I;
  }
}

std::vector<std::string> AllocatorModel::allocatorNames() const {
  std::vector<std::string> Names;
  for (const auto &Entry : AllocatorIndex)
    Names.push_back(Entry.getKey().str());
  return Names;
}

std::vector<std::string> AllocatorModel::releaserNames() const {
  std::vector<std::string> Names;
  for (const auto &Entry : ReleaserIndex)
    Names.push_back(Entry.getKey().str());
  return Names;
}

// Only free functions count: a class's own `free` method is not libc's.
// Names first (the policy wins a name), then what the TU taught.
const AllocatorFamily *
AllocatorModel::familyOf(const FunctionDecl *Callee,
                         const llvm::StringMap<unsigned> &Names) const {
  if (!Callee || !Callee->getIdentifier() || isa<CXXMethodDecl>(Callee))
    return nullptr;
  auto It = Names.find(Callee->getName());
  if (It != Names.end())
    return &Families[It->second];
  if (&Names != &AllocatorIndex)
    return nullptr;
  const LearnedAllocator *Learned = learnedAllocator(Callee);
  return Learned ? Learned->Family : nullptr;
}

const LearnedAllocator *AllocatorModel::learnedAllocator(const FunctionDecl *F) const {
  if (Allocators.empty())
    return nullptr;
  auto It = Allocators.find(F->getCanonicalDecl());
  return It == Allocators.end() ? nullptr : &It->second;
}

bool AllocatorModel::allocates(const FunctionDecl &F) const {
  return familyOf(&F, AllocatorIndex) != nullptr;
}

bool AllocatorModel::releases(const FunctionDecl &F) const {
  if (familyOf(&F, ReleaserIndex))
    return true;
  return !Releasers.empty() && Releasers.count(F.getCanonicalDecl());
}

bool AllocatorModel::neverNull(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const AllocatorFamily *Family = familyOf(Callee, AllocatorIndex);
  if (!Family)
    return false;
  if (!AllocatorIndex.count(Callee->getName()))
    return learnedAllocator(Callee)->NeverNull;
  return Family->NeverNull;
}

// The family of an ownership module: one per module name, libc's for the
// module `malloc` (the name Clang's static analyzer gives malloc's own).
AllocatorFamily &AllocatorModel::moduleFamily(StringRef Module) {
  if (Module == "malloc")
    return Families.front();
  auto It = Modules.find(Module);
  if (It != Modules.end())
    return Families[It->second];
  AllocatorFamily Family;
  Family.Name = Module.str();
  Family.ReleasersKnown = false; // until an ownership_takes names it
  Modules[Module] = Families.size();
  Families.push_back(std::move(Family));
  return Families.back();
}

void AllocatorModel::learnAllocator(const FunctionDecl &F, LearnedAllocator A) {
  if (AllocatorIndex.count(F.getName()))
    return; // the policy (or libc) already names it
  auto Inserted = Allocators.insert({F.getCanonicalDecl(), A});
  if (!Inserted.second && A.From < Inserted.first->second.From)
    Inserted.first->second = A;
}

// `ownership_returns(m)` allocates from module m's family and
// `ownership_takes(m, i)` releases into it. `ownership_holds` keeps the
// block alive (the analyzer's reading): an escape like any other, not a
// release. Whether an ownership or bare `malloc` allocator returns NULL is
// not declared (only `returns_nonnull` says it): unchecked-alloc does not
// judge them.
bool AllocatorModel::learnAttributes(const FunctionDecl &F) {
  if (!F.getIdentifier() || isa<CXXMethodDecl>(&F) || !F.hasAttrs())
    return false;
  bool Learned = false;
  for (const OwnershipAttr *Own : F.specific_attrs<OwnershipAttr>()) {
    AllocatorFamily &Family = moduleFamily(Own->getModule()->getName());
    if (Own->getOwnKind() == OwnershipAttr::Returns) {
      learnAllocator(F, {LearnedAllocator::Ownership, &Family, true});
      Learned = true;
    } else if (Own->getOwnKind() == OwnershipAttr::Takes) {
      auto &List = Releasers[F.getCanonicalDecl()];
      if (std::find(List.begin(), List.end(), &Family) == List.end())
        List.push_back(&Family);
      if (std::find(Family.Releasers.begin(), Family.Releasers.end(), F.getName()) ==
          Family.Releasers.end())
        Family.Releasers.push_back(F.getName().str());
      Family.ReleasersKnown = true;
      Learned = true;
    }
  }
  if (Learned || !F.getReturnType()->isPointerType() ||
      !(F.hasAttr<RestrictAttr>() || F.hasAttr<AllocSizeAttr>()))
    return Learned;
  if (AllocatorIndex.count(F.getName()) || learnedAllocator(&F))
    return false;
  // A family of its own, named after it, whose deallocator is unknown.
  AllocatorFamily Own;
  Own.Name = F.getName().str();
  Own.Allocators = {Own.Name};
  Own.ReleasersKnown = false;
  Families.push_back(std::move(Own));
  learnAllocator(F, {LearnedAllocator::BareAttribute, &Families.back(), true});
  return true;
}

void AllocatorModel::addInferredAllocator(const FunctionDecl &F,
                                          const AllocatorFamily &Family,
                                          bool NeverNull, bool SureNeverNull) {
  if (AllocatorIndex.count(F.getName()))
    return;
  const LearnedAllocator *Before = learnedAllocator(&F);
  if (Before && Before->From == LearnedAllocator::Ownership)
    return;
  learnAllocator(F, {LearnedAllocator::Inferred, &Family, NeverNull});
  Wrappers.push_back({&F, true, {&Family}, SureNeverNull});
}

// Added to what the policy says of the name: a policy-listed releaser that
// calls free() releases libc's blocks too.
void AllocatorModel::addInferredReleaser(
    const FunctionDecl &F, const std::vector<const AllocatorFamily *> &Families) {
  auto &List = Releasers[F.getCanonicalDecl()];
  for (const AllocatorFamily *Family : Families)
    if (std::find(List.begin(), List.end(), Family) == List.end())
      List.push_back(Family);
  Wrappers.push_back({&F, false, Families, false});
}

const AllocatorFamily *AllocatorModel::allocation(const CallExpr &Call) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const AllocatorFamily *Family = familyOf(Callee, AllocatorIndex);
  if (!Family)
    return nullptr;
  // Growing an existing block (realloc, a family's zrealloc or
  // sqlite3_realloc) is not a new allocation.
  if (Callee->getName() == "realloc" || Callee->getName() == "reallocarray" ||
      isGrow(Call)) {
    const Expr *Old = Call.getNumArgs() ? Call.getArg(0) : nullptr;
    if (!Old || !Old->isNullPointerConstant(Callee->getASTContext(),
                                            Expr::NPC_ValueDependentIsNotNull))
      return nullptr; // growing an existing block, not a new allocation
  }
  return Family;
}

const Expr *AllocatorModel::releasedBy(const CallExpr &Call,
                                       const AllocatorFamily &Family) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !releases(*Callee))
    return nullptr;
  std::vector<const AllocatorFamily *> Released = releasingFamilies(*Callee);
  if (std::find(Released.begin(), Released.end(), &Family) == Released.end())
    return nullptr;
  const Expr *Arg = releasedArgument(Call, *Callee);
  return Arg ? Arg->IgnoreParenCasts() : nullptr;
}

std::vector<const Expr *> AllocatorModel::sizeOperands(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return {};
  StringRef Name = Callee->getName();
  auto Args = [&Call](std::initializer_list<unsigned> Indexes) {
    std::vector<const Expr *> Out;
    for (unsigned I : Indexes)
      if (I < Call.getNumArgs())
        Out.push_back(Call.getArg(I));
    return Out;
  };
  if (Name == "malloc" || Name == "valloc" || Name == "pvalloc")
    return Args({0});
  if (Name == "calloc")
    return Args({0, 1});
  if (Name == "aligned_alloc" || Name == "memalign" || Name == "realloc")
    return Args({1});
  if (Name == "reallocarray")
    return Args({1, 2});
  return {};
}

std::vector<const Expr *> AllocatorModel::familySizeOperands(const CallExpr &Call) {
  const FunctionDecl *F = Call.getDirectCallee();
  if (!F || F->isVariadic() || Call.getNumArgs() != F->getNumParams())
    return {};
  if (const auto *Attr = F->getAttr<AllocSizeAttr>()) {
    std::vector<const Expr *> Out;
    for (ParamIdx Idx : {Attr->getElemSizeParam(), Attr->getNumElemsParam()})
      if (Idx.isValid()) {
        if (Idx.getASTIndex() >= Call.getNumArgs())
          return {};
        Out.push_back(Call.getArg(Idx.getASTIndex()));
      }
    return Out;
  }
  QualType Ret = F->getReturnType();
  if (!Ret->isPointerType() || !Ret->getPointeeType()->isVoidType())
    return {};
  unsigned N = F->getNumParams();
  if (N == 2 && !F->getParamDecl(0)->getType()->isPointerType())
    return {};
  if ((N != 1 && N != 2) || !F->getParamDecl(N - 1)->getType()->isIntegerType())
    return {};
  return {Call.getArg(N - 1)};
}

const AllocatorFamily *AllocatorModel::calleeFamily(const CallExpr &Call) const {
  return familyOf(Call.getDirectCallee(), AllocatorIndex);
}

std::vector<std::string> AllocatorModel::growNames() const {
  std::vector<std::string> Names = {"realloc", "reallocarray"};
  for (const std::string &Name : allocatorNames())
    if (StringRef(Name).lower().find("realloc") != std::string::npos &&
        Name != "realloc" && Name != "reallocarray")
      Names.push_back(Name);
  return Names;
}

// libc's realloc/reallocarray: a free function declared at global scope (or
// in std, or extern "C"), with their arity.
static bool isLibcGrow(const FunctionDecl *F) {
  if (!F || !F->getIdentifier() || isa<CXXMethodDecl>(F))
    return false;
  if (F->getName() != "realloc" && F->getName() != "reallocarray")
    return false;
  const DeclContext *DC = F->getDeclContext()->getRedeclContext();
  if (!DC->isTranslationUnit() && !DC->isStdNamespace() && !F->isExternC())
    return false;
  unsigned Arity = F->getName() == "realloc" ? 2 : 3;
  return F->getNumParams() == Arity &&
         F->getParamDecl(0)->getType()->isPointerType();
}

bool AllocatorModel::isGrow(const CallExpr &Call) const {
  const FunctionDecl *F = Call.getDirectCallee();
  const AllocatorFamily *Family = calleeFamily(Call);
  if (Family && Family->Name != "libc")
    return F->getName().lower().find("realloc") != std::string::npos &&
           F->getNumParams() >= 2 &&
           F->getParamDecl(0)->getType()->isPointerType();
  return isLibcGrow(F);
}

std::vector<const AllocatorFamily *>
AllocatorModel::releasingFamilies(const FunctionDecl &Callee) const {
  std::vector<const AllocatorFamily *> Out;
  if (!Callee.getIdentifier() || isa<CXXMethodDecl>(&Callee))
    return Out;
  StringRef Name = Callee.getName();
  if (ReleaserIndex.count(Name))
    for (const AllocatorFamily &Family : Families)
      for (const std::string &Releaser : Family.Releasers)
        if (Releaser == Name) {
          Out.push_back(&Family);
          break;
        }
  if (Releasers.empty())
    return Out;
  auto It = Releasers.find(Callee.getCanonicalDecl());
  if (It != Releasers.end())
    for (const AllocatorFamily *Family : It->second)
      if (std::find(Out.begin(), Out.end(), Family) == Out.end())
        Out.push_back(Family);
  return Out;
}

int releasedParameter(const FunctionDecl &Callee) {
  for (const OwnershipAttr *Own : Callee.specific_attrs<OwnershipAttr>())
    if (Own->getOwnKind() == OwnershipAttr::Takes && Own->args_size() == 1)
      return Own->args_begin()->getASTIndex();
  if (Callee.getNumParams() == 1)
    return 0;
  int Found = -1;
  for (unsigned I = 0; I < Callee.getNumParams(); ++I) {
    QualType T = Callee.getParamDecl(I)->getType();
    if (T->isPointerType() && T->getPointeeType()->isVoidType()) {
      if (Found >= 0)
        return -1;
      Found = I;
    }
  }
  return Found;
}

const Expr *releasedArgument(const CallExpr &Call, const FunctionDecl &Callee) {
  if (Call.getNumArgs() == 1 && Callee.getNumParams() <= 1)
    return Call.getArg(0);
  int Param = releasedParameter(Callee);
  if (Param < 0 || unsigned(Param) >= Call.getNumArgs())
    return nullptr;
  return Call.getArg(Param);
}

} // namespace memrules
