// sizeof-mismatch: an allocation whose size does not fit the pointer it is
// stored in.
//   1. `T *p = malloc(sizeof(U))` / `malloc(n * sizeof(U))` /
//      `calloc(n, sizeof(U))` with sizeof(U) < sizeof(T);
//   2. the same with U the pointer itself (`malloc(sizeof p)`), the classic
//      slip for `sizeof *p`;
//   3. `q = malloc(strlen(s)); strcpy(q, s);`: no room for the NUL.
//
// Bottom-up and cheap: the matchers fire only on a declaration or an
// assignment initialised by a call named like a libc allocator; the size is
// judged from the call's own arguments. Only case 3 looks at the rest of the
// function (through the FunctionIndex, never the TU-wide parent map), and
// only for an allocation sized by a bare strlen().
//
// The C library's allocators are judged, and a policy family's allocator
// when its declaration says where the size is (an alloc_size attribute, or
// one integer parameter in a function returning void *: zmalloc(size),
// sqlite3_realloc(p, n)). Other shapes (xcalloc(n, size), allocators
// returning typed pointers that may count elements) are left alone rather
// than guessed.
#include "SizeofMismatch.h"

#include "analysis/AllocationSites.h"

#include "analysis/StmtWalk.h"
#include "analysis/VarUses.h"

#include "../plugin/Compat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

const char *const AllocatorNames[] = {"malloc", "calloc", "realloc", "reallocarray",
                                      "aligned_alloc"};

// A free function of the C library: declared at global scope, in std, or
// extern "C"; not a method nor a project's own namespace's function.
bool isLibcFunction(const FunctionDecl *F) {
  if (!F || !F->getIdentifier() || isa<CXXMethodDecl>(F))
    return false;
  const DeclContext *DC = F->getDeclContext()->getRedeclContext();
  return DC->isTranslationUnit() || DC->isStdNamespace() || F->isExternC();
}

// The libc allocator Call invokes, with the arity and size parameters libc
// gives it, or "".
StringRef libcAllocator(const CallExpr &Call) {
  const FunctionDecl *F = Call.getDirectCallee();
  if (!isLibcFunction(F))
    return "";
  StringRef Name = F->getName();
  if (std::find(std::begin(AllocatorNames), std::end(AllocatorNames), Name) ==
      std::end(AllocatorNames))
    return "";
  unsigned Arity = Name == "malloc" ? 1 : Name == "reallocarray" ? 3 : 2;
  if (F->getNumParams() != Arity || Call.getNumArgs() != Arity)
    return "";
  for (const ParmVarDecl *P : F->parameters())
    if (!P->getType()->isIntegerType() && !P->getType()->isPointerType())
      return "";
  return Name;
}

// The name of a C string function a call invokes, with the fortify and
// builtin spellings folded (`__builtin___strcpy_chk` -> "strcpy").
StringRef stringFunction(const CallExpr *Call) {
  const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
  if (!isLibcFunction(F))
    return "";
  StringRef Name = F->getName();
  if (startsWith(Name, "__builtin___") && endsWith(Name, "_chk"))
    Name = Name.drop_front(12).drop_back(4);
  else if (startsWith(Name, "__builtin_"))
    Name = Name.drop_front(10);
  return Name;
}

// Is E the target: the declared variable, or the assigned lvalue?
bool isTargetExpr(const Expr *E, const Expr *Lvalue, const VarDecl *Var) {
  if (Var) {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenCasts() : nullptr);
    return Ref && Ref->getDecl()->getCanonicalDecl() == Var->getCanonicalDecl();
  }
  return sameLvalue(E, Lvalue);
}

// Source text of E as written, whitespace collapsed, or "".
std::string textOf(const Expr *E, const SourceManager &SM, const LangOptions &LO) {
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, LO);
  if (Range.isInvalid())
    return "";
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(Range, SM, LO, &Invalid);
  if (Invalid)
    return "";
  std::string Out;
  bool Space = false;
  for (char C : Text) {
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out.size() > 60 ? "" : Out;
}

// The shape of an allocation size: the product of the size operands
// (calloc's two count as one product), split into factors.
struct SizeShape {
  const UnaryExprOrTypeTraitExpr *SizeOf = nullptr;
  unsigned SizeOfs = 0;
  const CallExpr *Strlen = nullptr;
  unsigned Strlens = 0;
  uint64_t Constant = 1; // the product of the constant factors
  bool Variable = false; // some factor is not a constant
  bool Unknown = false;  // dependent, overflowing, zero or negative
};

void addFactors(const Expr *E, SizeShape &Shape, const ASTContext &AST) {
  E = E->IgnoreParenCasts();
  if (E->isTypeDependent() || E->isValueDependent() || E->containsErrors()) {
    Shape.Unknown = true;
    return;
  }
  if (const auto *Mul = dyn_cast<BinaryOperator>(E)) {
    if (Mul->getOpcode() == BO_Mul) {
      addFactors(Mul->getLHS(), Shape, AST);
      addFactors(Mul->getRHS(), Shape, AST);
      return;
    }
  }
  if (const auto *SizeOf = dyn_cast<UnaryExprOrTypeTraitExpr>(E)) {
    if (SizeOf->getKind() == UETT_SizeOf) {
      Shape.SizeOf = SizeOf;
      ++Shape.SizeOfs;
      return;
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (stringFunction(Call) == "strlen" && Call->getNumArgs() == 1) {
      Shape.Strlen = Call;
      ++Shape.Strlens;
      return;
    }
  }
  Expr::EvalResult Result;
  if (E->EvaluateAsInt(Result, AST)) {
    const llvm::APSInt &V = Result.Val.getInt();
    if (V.isSigned() ? V.getSExtValue() <= 0 : V == 0) {
      Shape.Unknown = true;
      return;
    }
    uint64_t N = V.getLimitedValue(UINT32_MAX);
    if (N >= UINT32_MAX || Shape.Constant > UINT32_MAX / N) {
      Shape.Unknown = true;
      return;
    }
    Shape.Constant *= N;
    return;
  }
  Shape.Variable = true;
}

// The size in bytes of a complete object type of constant size, or 0.
uint64_t objectSize(QualType T, const ASTContext &AST) {
  if (T.isNull() || T->isDependentType() || T->isIncompleteType() ||
      T->isVoidType() || T->isFunctionType() || !T->isConstantSizeType())
    return 0;
  return static_cast<uint64_t>(AST.getTypeSizeInChars(T).getQuantity());
}

// `union node *n = malloc(sizeof(struct leaf))` where struct leaf is one of
// the union's members: allocating only the variant in use is deliberate.
bool isUnionMember(QualType Union, QualType Member) {
  const RecordDecl *R = Union->getAsRecordDecl();
  if (!R || !R->isUnion())
    return false;
  QualType Want = Member.getCanonicalType().getUnqualifiedType();
  for (const FieldDecl *Field : R->fields())
    if (Field->getType().getCanonicalType().getUnqualifiedType() == Want)
      return true;
  return false;
}

std::string typeName(QualType T, const ASTContext &AST) {
  PrintingPolicy Policy(AST.getLangOpts());
  // "struct big" in C, where the keyword is part of the name; "Big" in C++.
  Policy.SuppressTagKeyword = AST.getLangOpts().CPlusPlus;
  return T.getUnqualifiedType().getAsString(Policy);
}

// `strlen(s) + k` with a constant k >= 1: writes the NUL.
bool isStrlenPlusConstant(const Expr *E, const Expr *Source, const ASTContext &AST) {
  const auto *Add = dyn_cast<BinaryOperator>(E->IgnoreParenCasts());
  if (!Add || Add->getOpcode() != BO_Add)
    return false;
  for (int Side = 0; Side < 2; ++Side) {
    const Expr *Len = (Side ? Add->getRHS() : Add->getLHS())->IgnoreParenCasts();
    const Expr *K = Side ? Add->getLHS() : Add->getRHS();
    const auto *Call = dyn_cast<CallExpr>(Len);
    if (!Call || stringFunction(Call) != "strlen" || Call->getNumArgs() != 1 ||
        !sameLvalue(Call->getArg(0), Source))
      continue;
    Expr::EvalResult Result;
    if (!K->isValueDependent() && K->EvaluateAsInt(Result, AST) &&
        Result.Val.getInt().getExtValue() >= 1)
      return true;
  }
  return false;
}

} // namespace

std::vector<std::string> SizeofMismatchCheck::triggers() const {
  std::vector<std::string> Names(std::begin(AllocatorNames), std::end(AllocatorNames));
  for (const std::string &Name : Ctx.Allocators.allocatorNames())
    if (std::find(Names.begin(), Names.end(), Name) == Names.end())
      Names.push_back(Name);
  return Names;
}

std::vector<const Expr *> SizeofMismatchCheck::sizeOperands(const CallExpr &Call) const {
  if (!libcAllocator(Call).empty())
    return AllocatorModel::sizeOperands(Call);
  // libc's own names are judged only as libc's functions (not pool::malloc);
  // any other allocator of a family (a wrapper inferred into libc's family
  // included) by where its declaration puts the size.
  const AllocatorFamily *Family = Ctx.Allocators.calleeFamily(Call);
  if (!Family)
    return {};
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (Family->Name == "libc" && Callee && Callee->getIdentifier() &&
      std::find(std::begin(AllocatorNames), std::end(AllocatorNames),
                Callee->getName()) != std::end(AllocatorNames))
    return {};
  return AllocatorModel::familySizeOperands(Call);
}

void SizeofMismatchCheck::registerMatchers(MatchFinder &Finder) {
  std::vector<std::string> Names = triggers();
  std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  // Learned allocators (attributes, wrappers inferred in the TU) have names
  // no list holds before parsing: ask the model too.
  auto Alloc = callExpr(callee(functionDecl(
                            anyOf(hasAnyName(NameRefs), isAllocatorIn(&Ctx.Allocators)))))
                   .bind("call");
  // T *p = malloc(...);
  Finder.addMatcher(varDecl(hasInitializer(ignoringParenCasts(Alloc)),
                            unless(isExpansionInSystemHeader()))
                        .bind("var"),
                    this);
  // p = malloc(...); s->p = (T *)malloc(...);
  Finder.addMatcher(binaryOperator(hasOperatorName("="),
                                   hasRHS(ignoringParenCasts(Alloc)),
                                   unless(isExpansionInSystemHeader()))
                        .bind("assign"),
                    this);
}

void SizeofMismatchCheck::run(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Var = Result.Nodes.getNodeAs<VarDecl>("var");
  const auto *Assign = Result.Nodes.getNodeAs<BinaryOperator>("assign");
  if (!Call || (!Var && !Assign) || Call->containsErrors())
    return;
  std::vector<const Expr *> Operands = sizeOperands(*Call);
  if (Operands.empty())
    return;
  SourceLocation Loc = Call->getBeginLoc();
  if (!wants(Loc))
    return;
  ASTContext &AST = Ctx.AST;
  const SourceManager &SM = AST.getSourceManager();
  const LangOptions &LO = AST.getLangOpts();
  // An allocation written by a system header's macro is not the user's text.
  if (SM.isInSystemHeader(SM.getSpellingLoc(Loc)))
    return;

  const FunctionDecl *Function = Ctx.Functions.enclosing(Loc);
  if (!Function)
    return;
  if (const FunctionDecl *Pattern = Function->getTemplateInstantiationPattern())
    Function = Pattern;
  if (!Function->getBody())
    return;
  const FunctionBody &Body = Ctx.Functions.body(*Function);
  // A template instantiation's copy is not in the body as written.
  if (!Body.isWithin(Call, Function->getBody()))
    return;

  Target T;
  if (Var) {
    if (Var->isInvalidDecl())
      return;
    T.Var = Var;
    T.Type = Var->getType();
    T.Name = Var->getName().str();
  } else {
    T.Lvalue = Assign->getLHS();
    T.Type = T.Lvalue->getType();
    T.Name = textOf(T.Lvalue->IgnoreParens(), SM, LO);
  }
  if (T.Type.isNull() || T.Type->isDependentType() || !T.Type->isPointerType())
    return;

  Finding F = finding(Loc, "");
  if (!elementMismatch(*Call, Operands, T, F) &&
      !missingNul(*Call, Operands, T, Body, F))
    return;
  F.Owner = Function;
  F.InLoop = Body.innermostLoop(Call) != nullptr;
  Ctx.Report.report(F);
}

// Cases 1 and 2: the element size is one sizeof, smaller than the pointee.
bool SizeofMismatchCheck::elementMismatch(const CallExpr &Call,
                                          const std::vector<const Expr *> &Operands,
                                          const Target &T, Finding &F) {
  ASTContext &AST = Ctx.AST;
  const SourceManager &SM = AST.getSourceManager();
  const LangOptions &LO = AST.getLangOpts();
  QualType Pointee = T.Type->getPointeeType();
  uint64_t Need = objectSize(Pointee, AST);
  // void *, char *, unsigned char *: byte buffers, any size fits.
  if (Need <= 1)
    return false;

  SizeShape Shape;
  for (const Expr *Operand : Operands)
    addFactors(Operand, Shape, AST);
  if (Shape.Unknown || Shape.SizeOfs != 1 || Shape.Strlens)
    return false;
  const UnaryExprOrTypeTraitExpr *SizeOf = Shape.SizeOf;
  QualType U = SizeOf->getTypeOfArgument();
  uint64_t Unit = objectSize(U, AST);
  if (!Unit)
    return false;
  uint64_t Per = Unit * Shape.Constant;
  if (Per >= Need)
    return false; // fits, or over-allocates (header + payload)
  if (isUnionMember(Pointee, U))
    return false;
  if (Shape.Variable) {
    // `n * sizeof(char)`: n counts bytes, not elements.
    if (Unit == 1)
      return false;
    // `int (*m)[4] = malloc(n * sizeof(int))`: n may count the ints.
    if (const auto *Array = AST.getAsConstantArrayType(Pointee))
      if (AST.hasSameUnqualifiedType(AST.getBaseElementType(Array), U))
        return false;
  }

  std::string Name = T.Name.empty() ? "the pointer" : "'" + T.Name + "'";
  std::string Deref = T.Name.empty() ? "" : "sizeof *" + T.Name;
  std::string Pointed = typeName(Pointee, AST);
  std::string Size;
  for (const Expr *Operand : Operands) {
    std::string Text = textOf(Operand, SM, LO);
    if (Text.empty()) {
      Size.clear();
      break;
    }
    Size += (Size.empty() ? "" : " * ") + Text;
  }
  bool OfItself = !SizeOf->isArgumentType() &&
                  isTargetExpr(SizeOf->getArgumentExpr(), T.Lvalue, T.Var);
  bool IsPointer = U->isPointerType() && Shape.Constant == 1;
  std::string Msg;
  if (OfItself) {
    Msg = "allocates the size of the pointer " + Name + " (" + std::to_string(Unit) +
          " bytes)" + (Shape.Variable ? " per element" : "") +
          ", not of what it points to (" + std::to_string(Need) + " bytes)";
  } else if (Shape.Variable) {
    Msg = "allocates " + (Size.empty() ? "" : Size + ": ") + std::to_string(Per) +
          " bytes per element" + (IsPointer ? ", the size of a pointer," : "") +
          " for " + Name + ", whose elements are '" + Pointed +
          "' (" + std::to_string(Need) + " bytes each)";
  } else {
    Msg = "allocates " + (Size.empty() ? "" : Size + " = ") + std::to_string(Per) +
          " bytes" + (IsPointer ? ", the size of a pointer," : "") + " for " + Name + ", which points to '" + Pointed + "' (" +
          std::to_string(Need) + " bytes)";
  }
  if (!Deref.empty())
    Msg += "; use " + Deref;
  F.Message = Msg;

  // Fix-it: `sizeof(p)` / `sizeof p` -> `sizeof(*p)` / `sizeof *p`. A
  // postfix or unary operand keeps its meaning under a leading `*`.
  if (OfItself) {
    const Expr *Arg = SizeOf->getArgumentExpr();
    const Expr *Inner = Arg->IgnoreParens();
    bool Postfix = isa<DeclRefExpr>(Inner) || isa<MemberExpr>(Inner) ||
                   isa<ArraySubscriptExpr>(Inner) ||
                   (isa<UnaryOperator>(Inner) &&
                    cast<UnaryOperator>(Inner)->getOpcode() == UO_Deref);
    SourceLocation At = Inner->getBeginLoc();
    if (Postfix && At.isFileID() && Inner->getEndLoc().isFileID() &&
        SizeOf->getBeginLoc().isFileID())
      F.FixIts.push_back(FixItHint::CreateInsertion(At, "*"));
  }
  return true;
}

// Case 3: `q = malloc(strlen(s))` followed by a copy of s, NUL included.
bool SizeofMismatchCheck::missingNul(const CallExpr &Call,
                                     const std::vector<const Expr *> &Operands,
                                     const Target &T, const FunctionBody &Body,
                                     Finding &F) {
  ASTContext &AST = Ctx.AST;
  const SourceManager &SM = AST.getSourceManager();
  const LangOptions &LO = AST.getLangOpts();
  SizeShape Shape;
  for (const Expr *Operand : Operands)
    addFactors(Operand, Shape, AST);
  if (Shape.Unknown || Shape.Variable || Shape.Strlens != 1 || Shape.Constant != 1)
    return false;
  if (Shape.SizeOfs > 1 ||
      (Shape.SizeOf && objectSize(Shape.SizeOf->getTypeOfArgument(), AST) != 1))
    return false;
  const CallExpr *Strlen = Shape.Strlen;
  const Expr *Source = Strlen->getArg(0);
  if (Source->HasSideEffects(AST))
    return false;

  // The variables the source and target are built from: a write to any of
  // them between the allocation and the copy changes what is compared.
  auto IsTarget = [&T](const Expr *E) { return isTargetExpr(E, T.Lvalue, T.Var); };
  auto Writes = [&](const Stmt *S) -> const Expr * {
    if (const auto *B = dyn_cast<BinaryOperator>(S))
      return B->isAssignmentOp() ? B->getLHS() : nullptr;
    if (const auto *U = dyn_cast<UnaryOperator>(S))
      return U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf
                 ? U->getSubExpr()
                 : nullptr;
    return nullptr;
  };
  std::vector<const Expr *> Touched;
  forEachStmt(Source, [&Touched](const Stmt *S) {
    if (const auto *E = dyn_cast<Expr>(S))
      if (isa<DeclRefExpr>(E) || isa<MemberExpr>(E))
        Touched.push_back(E);
  });

  SourceLocation After = SM.getExpansionLoc(Call.getEndLoc());
  const CallExpr *Copy = nullptr;
  bool Stop = false;
  const Stmt *Whole = Body.function().getBody();
  // The statements after the allocation, in source order (children are
  // visited after their parents, and in order).
  forEachStmt(Whole, [&](const Stmt *S) {
    if (Stop || Copy)
      return;
    SourceLocation L = SM.getExpansionLoc(S->getBeginLoc());
    if (L.isInvalid() || !SM.isBeforeInTranslationUnit(After, L))
      return;
    if (const Expr *W = Writes(S)) {
      if (IsTarget(W)) {
        Stop = true;
        return;
      }
      for (const Expr *E : Touched)
        if (sameLvalue(W, E) || sameLvalue(W, Source)) {
          Stop = true;
          return;
        }
    }
    const auto *C = dyn_cast<CallExpr>(S);
    if (!C || C->getNumArgs() < 2 || !IsTarget(C->getArg(0)) ||
        !sameLvalue(C->getArg(1), Source))
      return;
    StringRef Fn = stringFunction(C);
    if (Fn == "strcpy" || Fn == "stpcpy" || Fn == "strcat")
      Copy = C;
    else if ((Fn == "memcpy" || Fn == "memmove" || Fn == "strncpy" ||
              Fn == "mempcpy") &&
             C->getNumArgs() >= 3 && isStrlenPlusConstant(C->getArg(2), Source, AST))
      Copy = C;
    else
      Stop = true; // some other use of the pair: do not look further
  });
  if (!Copy)
    return false;

  std::string Len = textOf(Strlen, SM, LO);
  if (Len.empty())
    Len = "strlen()";
  StringRef Fn = stringFunction(Copy);
  std::string Name = T.Name.empty() ? "the block" : "'" + T.Name + "'";
  F.Message = "allocates " + Len + " bytes for " + Name + " but " + Fn.str() +
              " below writes " + Len + " + 1 (the NUL); allocate " + Len + " + 1";
  F.Notes.push_back({Copy->getBeginLoc(), "the string and its NUL are copied here"});

  // Fix-it: `malloc(strlen(s))` -> `malloc(strlen(s) + 1)`, only when the
  // size argument is the strlen call itself.
  for (const Expr *Operand : Operands)
    if (Operand->IgnoreImpCasts() == Strlen && Strlen->getBeginLoc().isFileID() &&
        Strlen->getEndLoc().isFileID()) {
      SourceLocation End = Lexer::getLocForEndOfToken(Strlen->getEndLoc(), 0, SM, LO);
      if (End.isValid())
        F.FixIts.push_back(FixItHint::CreateInsertion(End, " + 1"));
    }
  return true;
}

} // namespace memrules
