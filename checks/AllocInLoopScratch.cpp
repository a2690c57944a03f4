// alloc-in-loop, C++ form: a per-iteration scratch container. A local
// std::string, std::vector, std::deque or unordered map/set declared in a
// loop body is destroyed at the end of every iteration, so a container
// filled there allocates its storage anew each time; declared before the
// loop and cleared at the top of each iteration, it keeps its storage.
//
// Judged from the uses of the variable (all of them are in the iteration):
// a use may fill it, borrow it (read it, lend it by const reference), or
// take it out of the iteration. The last makes the check silent, and so does
// a copy of it into something longer-lived (push_back into an outer vector,
// `outer = s`, a by-value argument): there std::move is the cure, not
// hoisting. Ordered maps and sets and std::list are not flagged: their
// clear() releases every node, so hoisting them saves nothing.
#include "AllocInLoop.h"

#include "analysis/LoopFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace memrules {

const char *const AllocInLoopCheck::ScratchTypeNames[12] = {
    "string",        "wstring",       "u8string",           "u16string",
    "u32string",     "basic_string",  "vector",             "deque",
    "unordered_map", "unordered_set", "unordered_multimap", "unordered_multiset"};

namespace {

// The containers whose clear() keeps (part of) their storage.
enum class Kind { None, String, Vector, Deque, Hashed };

struct Container {
  Kind K = Kind::None;
  const ClassTemplateSpecializationDecl *Spec = nullptr;
};

bool isStdAllocator(const TemplateArgument &Arg) {
  if (Arg.getKind() != TemplateArgument::Type)
    return false;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Arg.getAsType()->getAsCXXRecordDecl());
  const auto *Pattern = Spec ? Spec->getSpecializedTemplate()->getTemplatedDecl() : nullptr;
  return Pattern && Pattern->isInStdNamespace() && Pattern->getIdentifier() &&
         Pattern->getName() == "allocator";
}

// Which scratch container type T is. One with another allocator than
// std::allocator (std::pmr, an arena) is not: its allocations may cost
// next to nothing.
Container containerOf(QualType T) {
  Container C;
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec)
    return C;
  const CXXRecordDecl *Pattern = Spec->getSpecializedTemplate()->getTemplatedDecl();
  if (!Pattern->isInStdNamespace() || !Pattern->getIdentifier())
    return C;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 2 || !isStdAllocator(Args[Args.size() - 1]))
    return C;
  StringRef Name = Pattern->getName();
  if (Name == "basic_string")
    C.K = Kind::String;
  else if (Name == "vector")
    C.K = Kind::Vector;
  else if (Name == "deque")
    C.K = Kind::Deque;
  else if (Name == "unordered_map" || Name == "unordered_set" ||
           Name == "unordered_multimap" || Name == "unordered_multiset")
    C.K = Kind::Hashed;
  C.Spec = C.K == Kind::None ? nullptr : Spec;
  return C;
}

std::string typeName(const Container &C) {
  if (C.K == Kind::String) {
    QualType Char = C.Spec->getTemplateArgs()[0].getAsType();
    return Char->isSpecificBuiltinType(BuiltinType::Char_S) ||
                   Char->isSpecificBuiltinType(BuiltinType::Char_U)
               ? "std::string"
               : "std::basic_string";
  }
  return "std::" + C.Spec->getSpecializedTemplate()->getName().str();
}

const char *whatIsKept(Kind K) {
  switch (K) {
  case Kind::Hashed:
    return "the bucket array";
  case Kind::Deque:
    return "the block map and a block";
  default:
    return "the capacity";
  }
}

// Member functions that add to a container or size its storage.
bool isFillName(StringRef Name) {
  return Name == "push_back" || Name == "emplace_back" || Name == "push_front" ||
         Name == "emplace_front" || Name == "insert" || Name == "emplace" ||
         Name == "emplace_hint" || Name == "try_emplace" ||
         Name == "insert_or_assign" || Name == "append" || Name == "assign" ||
         Name == "replace" || Name == "resize" || Name == "reserve" ||
         Name == "rehash";
}

// Calls that copy an argument into the container they are called on.
bool copiesIn(const FunctionDecl &Callee) {
  if (Callee.isOverloadedOperator())
    return Callee.getOverloadedOperator() == OO_Equal ||
           Callee.getOverloadedOperator() == OO_Subscript;
  if (!Callee.getIdentifier() || !isa<CXXMethodDecl>(Callee))
    return false;
  StringRef Name = Callee.getName();
  return Name == "push_back" || Name == "emplace_back" || Name == "push_front" ||
         Name == "emplace_front" || Name == "insert" || Name == "emplace" ||
         Name == "emplace_hint" || Name == "try_emplace" ||
         Name == "insert_or_assign" || Name == "assign" || Name == "push";
}

bool isConstLvalueRef(QualType T) {
  const auto *Ref = T->getAs<LValueReferenceType>();
  return Ref && Ref->getPointeeType().isConstQualified();
}

// What one use does with the container.
enum class Use { Borrow, Fill, Leaves };

struct Judged {
  Use U = Use::Borrow;
  const Expr *Fill = nullptr; // the filling call, for Fill
};

// The parameter an argument of Call binds to, or null (variadic, indirect).
const ParmVarDecl *parameterOf(const CallExpr &Call, unsigned Arg) {
  const auto *Callee = Call.getDirectCallee();
  if (!Callee)
    return nullptr;
  // A member operator's first argument is its object.
  if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee)) {
    if (Arg == 0)
      return nullptr;
    --Arg;
  }
  return Arg < Callee->getNumParams() ? Callee->getParamDecl(Arg) : nullptr;
}

// The container passed as argument Arg of Call (not as its object).
Judged asArgument(const CallExpr &Call, unsigned Arg) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const ParmVarDecl *Param = parameterOf(Call, Arg);
  if (!Callee || !Param)
    return {Use::Leaves};
  // std::getline(in, s) reads a line into s and keeps nothing.
  if (Callee->isInStdNamespace() && Callee->getIdentifier() &&
      Callee->getName() == "getline" && Arg == 1)
    return {Use::Fill, &Call};
  if (!isConstLvalueRef(Param->getType()) || copiesIn(*Callee))
    return {Use::Leaves}; // may be moved or swapped out, kept, or copied
  return {Use::Borrow};
}

// The container as the object of a member call or member operator.
Judged asObject(const CallExpr &Call, const CXXMethodDecl &Method, Kind K) {
  if (Method.isOverloadedOperator()) {
    OverloadedOperatorKind Op = Method.getOverloadedOperator();
    if (Op == OO_PlusEqual || (Op == OO_Subscript && K == Kind::Hashed))
      return {Use::Fill, &Call};
    // Copy assignment reuses the storage; a move takes the other's.
    if (Op == OO_Equal && Method.getNumParams() == 1 &&
        !Method.getParamDecl(0)->getType()->isRValueReferenceType())
      return {Use::Fill, &Call};
    return {Use::Borrow};
  }
  if (!Method.getIdentifier())
    return {Use::Borrow}; // a conversion (to std::string_view)
  if (Method.getName() == "swap")
    return {Use::Leaves};
  if (isFillName(Method.getName()))
    return {Use::Fill, &Call};
  return {Use::Borrow};
}

const Stmt *skipParensAndCasts(const Stmt *S, const FunctionBody &Body,
                               const Stmt *&Child) {
  const Stmt *P = Body.parent(S);
  Child = S;
  while (P && (isa<ParenExpr>(P) || isa<CastExpr>(P))) {
    Child = P;
    P = Body.parent(P);
  }
  return P;
}

unsigned argumentIndex(const Stmt *Child, const Expr *const *Args, unsigned N) {
  for (unsigned I = 0; I < N; ++I)
    if (Args[I] == Child)
      return I;
  return N;
}

// What the use Ref of the container Var does with it.
Judged judgeUse(const DeclRefExpr &Ref, const VarDecl &Var, Kind K, const Stmt &Loop,
                const FunctionBody &Body) {
  // In a lambda or block: it may run after the iteration.
  for (const Stmt *P = Body.parent(&Ref); P && P != &Loop; P = Body.parent(P))
    if (isa<LambdaExpr>(P) || isa<BlockExpr>(P))
      return {Use::Leaves};
  const Stmt *Child = nullptr;
  const Stmt *P = skipParensAndCasts(&Ref, Body, Child);
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(P)) {
    const Stmt *MemberChild = nullptr;
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
        skipParensAndCasts(Member, Body, MemberChild));
    const auto *Method = Call ? Call->getMethodDecl() : nullptr;
    if (!Method || Call->getCallee()->IgnoreParens() != Member)
      return {Use::Leaves};
    return asObject(*Call, *Method, K);
  }
  if (const auto *Call = dyn_cast_or_null<CallExpr>(P)) {
    unsigned Arg = argumentIndex(Child, Call->getArgs(), Call->getNumArgs());
    if (Arg == Call->getNumArgs())
      return {Use::Leaves};
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    if (isa<CXXOperatorCallExpr>(Call) && Method && Arg == 0)
      return asObject(*Call, *Method, K);
    return asArgument(*Call, Arg);
  }
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(P)) {
    // Slice(const std::string &) borrows; a copy of the container is a
    // copy out of the iteration.
    unsigned Arg = argumentIndex(Child, Construct->getArgs(), Construct->getNumArgs());
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Arg == Construct->getNumArgs() || Arg >= Ctor->getNumParams() ||
        !isConstLvalueRef(Ctor->getParamDecl(Arg)->getType()) ||
        Ctor->getParent()->getCanonicalDecl() ==
            Var.getType()->getAsCXXRecordDecl()->getCanonicalDecl())
      return {Use::Leaves};
    return {Use::Borrow};
  }
  // `for (x : v)` binds its range to a hidden reference.
  if (const auto *Decl = dyn_cast_or_null<DeclStmt>(P))
    if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(Body.parent(Decl)))
      if (Range->getRangeStmt() == Decl)
        return {Use::Borrow};
  // Address taken, bound to a reference, returned, thrown, in an
  // initializer list or a conditional: it may outlive the iteration.
  return {Use::Leaves};
}

// How many characters an argument passed as a parameter of type Param
// adds at most: 1 for a character, a literal's length for a pointer, a
// constant count for a size (append(3, 'x'), resize(8), reserve(8)); -1
// when that is not known.
long knownLength(const Expr *Arg, QualType Param, ASTContext &AST) {
  if (Param->isAnyCharacterType())
    return 1;
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (Param->isPointerType())
    if (const auto *Literal = dyn_cast<StringLiteral>(E))
      return Literal->getLength();
  Expr::EvalResult Value;
  if (Param->isIntegerType() && !E->isValueDependent() &&
      E->EvaluateAsInt(Value, AST) && !Value.Val.getInt().isNegative())
    return Value.Val.getInt().getLimitedValue(1L << 20);
  return -1;
}

// How many characters a string fill adds at most, from its first argument
// (after the object); -1 if not known. insert and replace take a position
// first, so their length is never known here.
long fillLength(const CallExpr &Call, ASTContext &AST) {
  unsigned First = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  if (!Method || Call.getNumArgs() <= First || Method->getNumParams() == 0 ||
      (Method->getIdentifier() &&
       (Method->getName() == "insert" || Method->getName() == "replace")))
    return -1;
  return knownLength(Call.getArg(First), Method->getParamDecl(0)->getType(), AST);
}

long initLength(const VarDecl &Var, ASTContext &AST) {
  const Expr *Init = Var.getInit();
  if (!Init)
    return 0;
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  if (!Construct || Construct->getNumArgs() == 0)
    return Construct ? 0 : -1;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (Ctor->getNumParams() == 0)
    return -1;
  return knownLength(Construct->getArg(0), Ctor->getParamDecl(0)->getType(), AST);
}

// Is Var initialised with the result of a function (`auto v = split(s);`)?
// Its storage is then made by that function, which a container declared
// before the loop would not change. Operators (`a + b`) are not functions
// here: a hoisted string reproduces them with appends.
bool initialisedByCall(const VarDecl &Var) {
  const Expr *Init = Var.getInit();
  if (!Init)
    return false;
  Init = Init->IgnoreImplicit();
  // Before C++17 the result is copied or moved from a temporary.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
    if (Construct->getNumArgs() == 1 &&
        (Construct->isElidable() || Construct->getConstructor()->isMoveConstructor()))
      Init = Construct->getArg(0)->IgnoreImplicit();
  return isa<CallExpr>(Init) && !isa<CXXOperatorCallExpr>(Init);
}

} // namespace

void AllocInLoopCheck::checkScratch(const DeclStmt &Decl, const VarDecl &Var) {
  if (isa<ParmVarDecl>(Var) || Var.getType()->isReferenceType())
    return;
  Container C = containerOf(Var.getType());
  if (C.K == Kind::None || initialisedByCall(Var) || !wants(Var.getLocation()))
    return;
  // A declaration a system header's macro writes is not the user's text.
  const SourceManager &SM = Ctx.AST.getSourceManager();
  if (SM.isInSystemHeader(SM.getSpellingLoc(Decl.getBeginLoc())))
    return;
  // In a template instantiation, its pattern is judged instead.
  const FunctionBody *InBody = Ctx.Functions.bodyAround(Decl);
  if (!InBody || InBody->function().getTemplateInstantiationPattern())
    return;
  const FunctionBody &Body = *InBody;
  const FunctionDecl *Function = &Body.function();
  // Declared in the loop's body (not its condition or range), on every
  // iteration that is not an error path.
  const Stmt *Loop = Body.innermostLoop(&Decl);
  if (!Loop || !Body.isWithin(&Decl, FunctionBody::loopBody(Loop)) ||
      runsAtMostOnce(*Loop, Ctx.AST) || isOnBailOutBranch(Decl, *Loop, Body))
    return;

  const Expr *FirstFill = nullptr;
  // A string holding at most this many characters keeps them inline (the
  // small-string buffer: 15 bytes in libstdc++, 22 in libc++) and
  // allocates nothing.
  long Length = C.K == Kind::String ? initLength(Var, Ctx.AST) : -1;
  for (const DeclRefExpr *Ref : Body.references(Var)) {
    Judged J = judgeUse(*Ref, Var, C.K, *Loop, Body);
    if (J.U == Use::Leaves)
      return;
    // A fill on an error path (or in a nested lambda) runs at most once.
    if (J.U != Use::Fill || isOnBailOutBranch(*J.Fill, *Loop, Body))
      continue;
    if (!FirstFill)
      FirstFill = J.Fill;
    long Added = Length < 0 || Body.innermostLoop(J.Fill) != Loop
                     ? -1
                     : fillLength(*cast<CallExpr>(J.Fill), Ctx.AST);
    Length = Added < 0 ? -1 : Length + Added;
  }
  if (!FirstFill)
    return; // never filled: an empty container allocates nothing
  if (Length >= 0) {
    QualType Char = C.Spec->getTemplateArgs()[0].getAsType();
    long Inline = 15 / Ctx.AST.getTypeSizeInChars(Char).getQuantity();
    if (Length <= Inline)
      return;
  }

  std::string Name = Var.getName().str();
  Finding F = finding(
      Var.getLocation(),
      "'" + Name + "' is a " + typeName(C) +
          " created and destroyed on every iteration, so the storage it is "
          "filled into is allocated and freed each time; declare it before the "
          "loop and call '" + Name + ".clear()' at the start of each iteration, "
          "which keeps " + whatIsKept(C.K));
  F.Notes.push_back({Loop->getBeginLoc(), "in this loop"});
  F.Notes.push_back({FirstFill->getBeginLoc(), "'" + Name + "' is filled here"});
  F.Owner = Function;
  F.InLoop = true;
  Ctx.Report.report(F);
}

} // namespace memrules
