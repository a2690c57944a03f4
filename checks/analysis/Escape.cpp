#include "Escape.h"

#include "Allocators.h"
#include "FunctionIndex.h"
#include "VarUses.h"

#include "../../plugin/Compat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace memrules {
namespace {

// libc functions with a non-const pointer parameter that write through it
// but never keep it after returning. (setbuf/setvbuf keep theirs: not here.)
const llvm::StringSet<> &knownBorrowers() {
  static const llvm::StringSet<> Names = {
      "read",        "pread",       "recv",         "recvfrom",   "fread",
      "fgets",       "gets",        "memset",       "bzero",      "explicit_bzero",
      "memcpy",      "memmove",     "memccpy",      "strcpy",     "strncpy",
      "strcat",      "strncat",     "stpcpy",       "stpncpy",    "sprintf",
      "snprintf",    "vsprintf",    "vsnprintf",    "strftime",   "getcwd",
      "readlink",    "readlinkat",  "realpath",     "gethostname", "strerror_r",
      "qsort",       "sscanf",      "fscanf",       "scanf",      "vsscanf",
      "inet_ntop",   "inet_pton",   "strtok",       "strtok_r",   "getentropy",
      "getrandom",   "ctime_r",     "asctime_r",    "localtime_r", "gmtime_r",
      "stat",        "fstat",       "lstat",        "fstatat",    "time",
      "gettimeofday", "clock_gettime", "uname",      "getsockopt", "getsockname",
      "getpeername", "accept",      "accept4",      "poll",       "select",
      "readv",       "preadv",      "strxfrm",      "mbstowcs",   "wcstombs",
      "pipe",        "pipe2",       "socketpair",   "memcmp",     "strlen",
      "fwrite",      "write",       "pwrite",       "send",       "sendto"};
  return Names;
}

// libc functions that return a pointer into one of their arguments: the
// result is that block again. Name -> index of the argument returned.
const llvm::StringMap<unsigned> &returnsArgument() {
  static const llvm::StringMap<unsigned> Names = {
      {"memcpy", 0},  {"memmove", 0}, {"memset", 0},   {"strcpy", 0},
      {"strncpy", 0}, {"strcat", 0},  {"strncat", 0},  {"stpcpy", 0},
      {"stpncpy", 0}, {"strchr", 0},  {"strrchr", 0},  {"strstr", 0},
      {"strpbrk", 0}, {"memchr", 0},  {"memrchr", 0},  {"rawmemchr", 0},
      {"strchrnul", 0}, {"strtok", 0}, {"strtok_r", 0}, {"fgets", 0},
      {"getcwd", 0},  {"realpath", 1}, {"strcasestr", 0}, {"memmem", 0},
      {"index", 0},   {"rindex", 0},  {"basename", 0}, {"dirname", 0},
      {"strerror_r", 1}};
  return Names;
}

// The libc name of a builtin: __builtin___memcpy_chk -> memcpy.
StringRef libcName(const FunctionDecl &Callee) {
  StringRef Name = Callee.getName();
  if (Callee.getBuiltinID()) {
    if (startsWith(Name, "__builtin___") && endsWith(Name, "_chk"))
      Name = Name.drop_front(12).drop_back(4);
    else if (startsWith(Name, "__builtin_"))
      Name = Name.drop_front(10);
  }
  return Name;
}

// libc's own: declared by a system header (a project's `read` is not it),
// or a builtin.
bool isLibcFunction(const FunctionDecl &Callee, const ASTContext &AST) {
  const SourceManager &SM = AST.getSourceManager();
  return (isLibcDeclaration(Callee) &&
          SM.isInSystemHeader(SM.getExpansionLoc(Callee.getLocation()))) ||
         Callee.getBuiltinID();
}

bool pointsToConst(QualType T) {
  return T->isPointerType() && T->getPointeeType().isConstQualified();
}

// Could a pointer come back out of the call through an argument: is one
// of them a pointer to a pointer (`&end`, `&save`)?
bool hasPointerToPointerArgument(const CallExpr &Call) {
  for (const Expr *Arg : Call.arguments()) {
    QualType T = Arg->IgnoreParenImpCasts()->getType();
    if (T->isPointerType() && T->getPointeeType()->isPointerType())
      return true;
  }
  return false;
}

bool isSmartPointerClass(const CXXRecordDecl *Record) {
  if (!Record || !Record->getIdentifier())
    return false;
  StringRef Name = Record->getName();
  return Name.contains("_ptr") || Name.contains("Ptr") || Name.contains("Pointer");
}

class FateFinder {
public:
  FateFinder(EscapeAnalysis &Escape, const VarDecl &Var, const FunctionBody &Body,
             const AllocatorModel &Model, ASTContext &AST)
      : Escape(Escape), Var(Var), Body(Body), Model(Model), AST(AST) {}

  // The fate of the block at E, a pointer into it (IsVar: E is the
  // variable's own reference).
  PointerUse at(const Expr *E, bool IsVar, unsigned Depth = 0);

private:
  PointerUse inBlock(const Expr *Lvalue, unsigned Depth);
  PointerUse argument(const CallExpr &Call, unsigned Arg, unsigned Depth);
  PointerUse constructorArgument(const CXXConstructExpr &Construct, unsigned Arg);

  static PointerUse fate(PointerFate F, const Stmt *At = nullptr) {
    PointerUse U;
    U.Fate = F;
    U.At = At;
    return U;
  }

  EscapeAnalysis &Escape;
  const VarDecl &Var;
  const FunctionBody &Body;
  const AllocatorModel &Model;
  ASTContext &AST;
  bool Opaque = false; // an explicit cast to another pointer type was crossed
};

// An lvalue inside the block (`*p`, `p->m`, `p[i]`): reading or writing it
// dereferences the pointer; taking its address (or letting an array member
// decay) makes another pointer into the block.
PointerUse FateFinder::inBlock(const Expr *Lvalue, unsigned Depth) {
  const Stmt *Child = Lvalue;
  const Stmt *P = Body.parent(Lvalue);
  while (P && isa<ParenExpr>(P)) {
    Child = P;
    P = Body.parent(P);
  }
  if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(P))
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return at(Cast, false, Depth + 1);
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(P))
    if (Unary->getOpcode() == UO_AddrOf)
      return at(Unary, false, Depth + 1);
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(P))
    if (!Member->isArrow() && Member->getBase() == Child) {
      // A method called on an object in the block may keep `this`.
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl()))
        return Method->isConst() ? fate(PointerFate::Dereferenced)
                                 : fate(PointerFate::Escapes);
      return inBlock(Member, Depth + 1);
    }
  // C++: the lvalue bound to a reference that may outlive the expression —
  // a non-const reference parameter (const ones come through a NoOp cast),
  // a reference variable, a returned reference, a constructor's parameter —
  // takes the object's address out of sight.
  // Asked strictly, a const reference parameter may keep it too.
  if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(P))
    if (Cast->getCastKind() == CK_NoOp && !Escape.trustsConstParameters() &&
        isa_and_nonnull<CallExpr>(Body.parent(Cast)))
      return fate(PointerFate::Escapes);
  if (AST.getLangOpts().CPlusPlus && P &&
      (isa<CallExpr>(P) || isa<DeclStmt>(P) || isa<ReturnStmt>(P) ||
       (isa<CXXConstructExpr>(P) && !cast<CXXConstructExpr>(P)->getConstructor()->isTrivial())))
    return fate(PointerFate::Escapes);
  return fate(PointerFate::Dereferenced);
}

PointerUse FateFinder::at(const Expr *E, bool IsVar, unsigned Depth) {
  if (Depth > 12)
    return fate(PointerFate::Escapes);
  const Stmt *Child = E;
  const Stmt *P = Body.parent(E);
  while (P) {
    if (isa<ParenExpr>(P) || isa<ExprWithCleanups>(P)) {
      Child = P;
      P = Body.parent(P);
      continue;
    }
    if (const auto *Cast = dyn_cast<CastExpr>(P)) {
      CastKind Kind = Cast->getCastKind();
      if (Kind == CK_PointerToBoolean || Kind == CK_ToVoid)
        return fate(PointerFate::Borrowed);
      if (!Cast->getType()->isPointerType() && Kind != CK_LValueToRValue &&
          Kind != CK_NoOp)
        return fate(PointerFate::Escapes); // to an integer: untraceable
      // `(char *)ctx` handed on: an opaque slot, which keeps what it gets
      // whatever the constness of its parameter.
      if (isa<ExplicitCastExpr>(Cast) && Kind == CK_BitCast)
        Opaque = true;
      Child = P;
      P = Body.parent(P);
      continue;
    }
    break;
  }
  if (!P)
    return fate(PointerFate::Borrowed); // an expression statement of its own
  // The variable is loaded (an rvalue) unless Child is E itself, maybe
  // in parentheses (`(p) = NULL` in a macro).
  bool VarLvalue = IsVar && cast<Expr>(Child)->IgnoreParens() == E;

  if (const auto *Unary = dyn_cast<UnaryOperator>(P)) {
    switch (Unary->getOpcode()) {
    case UO_Deref:
      return inBlock(Unary, Depth);
    case UO_LNot:
      return fate(PointerFate::Borrowed);
    default:
      return fate(PointerFate::Escapes); // &p, p++: no longer tracked
    }
  }
  if (const auto *Member = dyn_cast<MemberExpr>(P)) {
    if (Member->getBase() != Child || !Member->isArrow())
      return fate(PointerFate::Escapes);
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl()))
      return Method->isConst() ? fate(PointerFate::Dereferenced)
                               : fate(PointerFate::Escapes);
    return inBlock(Member, Depth);
  }
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(P))
    return inBlock(Subscript, Depth);
  if (const auto *Binary = dyn_cast<BinaryOperator>(P)) {
    BinaryOperatorKind Op = Binary->getOpcode();
    if (Op == BO_Assign && Binary->getLHS() == Child)
      return fate(VarLvalue ? PointerFate::Reassigned : PointerFate::Escapes);
    if (Binary->isComparisonOp() || Binary->isLogicalOp())
      return fate(PointerFate::Borrowed);
    if (Binary->isAdditiveOp() && !Binary->isCompoundAssignmentOp()) {
      if (Binary->getType()->isPointerType())
        return at(Binary, false, Depth + 1);
      return fate(PointerFate::Borrowed); // a pointer difference
    }
    if (Op == BO_Comma)
      return Binary->getLHS() == Child ? fate(PointerFate::Borrowed)
                                       : at(Binary, false, Depth + 1);
    return fate(PointerFate::Escapes); // stored, or the variable modified
  }
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(P)) {
    if (Cond->getCond() == Child)
      return fate(PointerFate::Borrowed);
    return at(Cond, false, Depth + 1);
  }
  if (const auto *Call = dyn_cast<CallExpr>(P)) {
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == Child)
        return argument(*Call, I, Depth);
    return fate(PointerFate::Escapes);
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
    for (unsigned I = 0; I < Construct->getNumArgs(); ++I)
      if (Construct->getArg(I) == Child)
        return constructorArgument(*Construct, I);
    return fate(PointerFate::Escapes);
  }
  if (isa<CXXDeleteExpr>(P))
    return fate(PointerFate::Released, P);
  if (isa<UnaryExprOrTypeTraitExpr>(P))
    return fate(PointerFate::Borrowed);
  if (isa<ReturnStmt>(P) || isa<DeclStmt>(P))
    return fate(PointerFate::Escapes);
  if (const auto *Block = dyn_cast<CompoundStmt>(P)) {
    // The value of a statement expression `({ ...; p; })` is its last one.
    if (isa_and_nonnull<StmtExpr>(Body.parent(Block)) && Block->body_back() == Child)
      return fate(PointerFate::Escapes);
    return fate(PointerFate::Borrowed);
  }
  // Any other statement: a condition, or an expression statement whose
  // value nobody uses.
  if (!isa<Expr>(P))
    return fate(PointerFate::Borrowed);
  return fate(PointerFate::Escapes); // returned, initialises another object, ...
}

PointerUse FateFinder::argument(const CallExpr &Call, unsigned Arg, unsigned Depth) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee) {
    // Through a function pointer: only its prototype is known.
    QualType T = Call.getCallee()->getType();
    if (const auto *Ptr = T->getAs<PointerType>())
      T = Ptr->getPointeeType();
    if (const auto *Proto = T->getAs<FunctionProtoType>())
      if (Arg < Proto->getNumParams() && pointsToConst(Proto->getParamType(Arg)) &&
          !Opaque && Escape.trustsConstParameters())
        return fate(PointerFate::Borrowed);
    return fate(PointerFate::Escapes);
  }
  unsigned Param = Arg;
  if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee)) {
    if (Arg == 0)
      return fate(PointerFate::Escapes);
    Param = Arg - 1;
  }
  if (!Callee->getIdentifier())
    return fate(PointerFate::Escapes);

  // A deallocator of any family releases its pointer argument.
  if (!Model.releasingFamilies(*Callee).empty()) {
    if (releasedArgument(Call, *Callee) == Call.getArg(Arg))
      return fate(PointerFate::Released, &Call);
    return fate(PointerFate::Escapes);
  }
  if (const AllocatorFamily *Family = Model.calleeFamily(Call)) {
    (void)Family;
    // p = realloc(p, n): the assignment continues the block.
    const Stmt *P = Body.parentIgnoringParenCasts(&Call);
    if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(P))
      if (Assign->getOpcode() == BO_Assign && refersTo(Assign->getLHS(), Var) &&
          Assign->getRHS()->IgnoreParenCasts() == &Call)
        return fate(PointerFate::Borrowed);
  }
  bool Libc = isLibcFunction(*Callee, AST);
  StringRef Name = libcName(*Callee);
  if (Libc && !Escape.trustsConstParameters() &&
      (Name == "strtok" || hasPointerToPointerArgument(Call)))
    return fate(PointerFate::Escapes);
  if (Libc) {
    auto It = returnsArgument().find(Name);
    if (It != returnsArgument().end())
      return It->second == Arg ? at(&Call, false, Depth + 1)
                               : fate(PointerFate::Borrowed);
  }
  // A function of the TU: what its own body does with the parameter decides,
  // const or not (sqlite3VdbeAddOp4 keeps its `const char *zP4`).
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Libc && Param < Callee->getNumParams() && Callee->getDefinition() &&
      (!Method || !Method->isVirtual())) {
    if (Opaque)
      return fate(PointerFate::Escapes);
    PointerFate Summary = Escape.parameterFate(*Callee, Param);
    if (Summary == PointerFate::Released)
      return fate(PointerFate::Released, &Call);
    return fate(Summary == PointerFate::Borrowed ? PointerFate::Borrowed
                                                 : PointerFate::Escapes);
  }
  if (Param < Callee->getNumParams()) {
    if (pointsToConst(Callee->getParamDecl(Param)->getType()) && (Libc || !Opaque) &&
        (Libc || Escape.trustsConstParameters()))
      return fate(PointerFate::Borrowed);
  } else if (Callee->isVariadic()) {
    // printf-like functions read their variadic arguments, never keep them.
    for (const auto *Format : Callee->specific_attrs<FormatAttr>())
      if (Format->getFirstArg() > 0 && Arg + 1 >= unsigned(Format->getFirstArg()))
        return fate(PointerFate::Borrowed);
  }
  if (Libc && knownBorrowers().count(Name))
    return fate(PointerFate::Borrowed);

  // Other builtins (__builtin_object_size, __builtin_prefetch) keep nothing;
  // the allocating ones were judged above.
  if (Callee->getBuiltinID() && startsWith(Callee->getName(), "__builtin") &&
      !Model.calleeFamily(Call))
    return fate(PointerFate::Borrowed);
  return fate(PointerFate::Escapes);
}

PointerUse FateFinder::constructorArgument(const CXXConstructExpr &Construct,
                                           unsigned Arg) {
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  if (!Ctor || isSmartPointerClass(Ctor->getParent()))
    return fate(PointerFate::Escapes);
  if (Arg < Ctor->getNumParams() && pointsToConst(Ctor->getParamDecl(Arg)->getType()))
    return fate(PointerFate::Borrowed);
  return fate(PointerFate::Escapes);
}

} // namespace

PointerUse EscapeAnalysis::fateOf(const Expr &Ref, const VarDecl &Var,
                                  const FunctionBody &Body, bool IsVariable) {
  return FateFinder(*this, Var, Body, Model, AST).at(&Ref, IsVariable);
}

int returnedArgument(const CallExpr &Call, const ASTContext &AST) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || !isLibcFunction(*Callee, AST))
    return -1;
  auto It = returnsArgument().find(libcName(*Callee));
  if (It == returnsArgument().end() || It->second >= Call.getNumArgs())
    return -1;
  return int(It->second);
}

PointerFate EscapeAnalysis::parameterFate(const FunctionDecl &Callee, unsigned Index) {
  const FunctionDecl *Definition = Callee.getDefinition();
  if (!Definition || !Definition->getBody() || Index >= Definition->getNumParams() ||
      Definition->isDependentContext() || Definition->isVariadic())
    return PointerFate::Escapes;
  // Long bodies are not summarised: their parent map and uses would cost
  // more than the answer is worth.
  const SourceManager &SM = AST.getSourceManager();
  SourceRange Range = Definition->getBody()->getSourceRange();
  if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID() ||
      SM.getFileID(Range.getBegin()) != SM.getFileID(Range.getEnd()) ||
      SM.getFileOffset(Range.getEnd()) - SM.getFileOffset(Range.getBegin()) > 16384)
    return PointerFate::Escapes;
  const ParmVarDecl *Param = Definition->getParamDecl(Index);
  auto Known = Summaries.find(Param);
  if (Known != Summaries.end())
    return Known->second;
  // Recursion, or too deep a chain of calls: assume the worst.
  if (InProgress.count(Param) || Depth >= 4 || !Param->getType()->isPointerType())
    return PointerFate::Escapes;
  InProgress.insert(Param);
  ++Depth;
  const FunctionBody &Body = Functions.body(*Definition);
  PointerFate Result = PointerFate::Borrowed;
  for (const VarUse &Use : findUses(*Param, *Definition->getBody(), Body)) {
    if (Use.Kind == UseKind::AddressTaken ||
        Use.Ref->refersToEnclosingVariableOrCapture()) {
      Result = PointerFate::Escapes;
      break;
    }
    PointerFate F = fateOf(*Use.Ref, *Param, Body).Fate;
    if (F == PointerFate::Borrowed || F == PointerFate::Dereferenced)
      continue;
    if (F == PointerFate::Released) {
      Result = PointerFate::Released;
      continue;
    }
    Result = PointerFate::Escapes; // kept, or the parameter reassigned
    break;
  }
  --Depth;
  InProgress.erase(Param);
  Summaries[Param] = Result;
  return Result;
}

} // namespace memrules
