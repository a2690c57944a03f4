// realloc-leak: `p = realloc(p, n)`. When realloc fails it returns NULL and
// leaves the old block alone; the assignment then overwrites the only pointer
// to that block, which leaks.
//
// Bottom-up and cheap: the matcher fires only on an assignment whose right
// side is a call named realloc/reallocarray; the function body is looked at
// (through the FunctionIndex, never the TU-wide parent map) only for those.
#include "ReallocLeak.h"

#include "../plugin/Compat.h"
#include "analysis/LoopFacts.h"
#include "analysis/SourceText.h"
#include "analysis/StmtWalk.h"
#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

const Expr *strip(const Expr *E) { return E ? E->IgnoreParenImpCasts() : E; }

// Is the lvalue a by-value pointer parameter? The caller's argument still
// points at the old block, so nothing is lost in this function.
bool isParameter(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(strip(E));
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  return Param && !Param->getType()->isReferenceType();
}


// The lvalue E is a copy of: `x`, `(T *)x`, `x + k` -> x.
const Expr *copySource(const Expr *E) {
  E = E ? E->IgnoreParenCasts() : nullptr;
  if (const auto *Arith = dyn_cast_or_null<BinaryOperator>(E))
    if (Arith->isAdditiveOp() && Arith->getLHS()->getType()->isPointerType())
      return copySource(Arith->getLHS());
  if (E && (isa<DeclRefExpr>(E) || isa<MemberExpr>(E) ||
            isa<ArraySubscriptExpr>(E) || isa<UnaryOperator>(E)))
    return E;
  return nullptr;
}

// The variables an lvalue is built from (`s->buf[i]` -> s, i).
void variablesOf(const Expr *E, std::vector<const VarDecl *> &Out) {
  forEachStmt(E, [&Out](const Stmt *S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        Out.push_back(Var);
  });
}

// Are A and B in different branches of one if/else, so that neither runs
// when the other does? (`if (!p) p = malloc(n); else p = realloc(p, m);`)
bool onOtherBranch(const Stmt *A, const Stmt *B, const FunctionBody &Body) {
  for (const Stmt *P = Body.parent(B); P; P = Body.parent(P)) {
    const auto *If = dyn_cast<IfStmt>(P);
    if (!If || !If->getElse())
      continue;
    bool AThen = Body.isWithin(A, If->getThen()), AElse = Body.isWithin(A, If->getElse());
    bool BThen = Body.isWithin(B, If->getThen()), BElse = Body.isWithin(B, If->getElse());
    if ((AThen && BElse) || (AElse && BThen))
      return true;
  }
  return false;
}

// `T *p = *pp;` / `= s->field;` / `= param;` ... `p = realloc(p, n);`: p is
// a working copy of a pointer that still holds the old block when realloc
// fails (RULES.md: "a copy of the field"), so nothing leaks here. Only when,
// between the copy and the realloc, nothing writes the source or a variable
// it is built from, and p is assigned nothing that reaches the realloc.
bool copiesLiveLvalue(const Expr *Target, const BinaryOperator &Assign,
                      const FunctionBody &Body) {
  const auto *Ref = dyn_cast<DeclRefExpr>(strip(Target));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const Expr *Source = Var ? copySource(Var->getInit()) : nullptr;
  if (!Source)
    return false;
  std::vector<const VarDecl *> Vars;
  variablesOf(Source, Vars);
  const Stmt &Whole = *Body.function().getBody();
  const SourceManager &SM = Var->getASTContext().getSourceManager();
  // Between the copy and the realloc: writes elsewhere do not matter.
  auto Between = [&](SourceLocation L) {
    return SM.isBeforeInTranslationUnit(Var->getLocation(), L) &&
           SM.isBeforeInTranslationUnit(L, Assign.getBeginLoc());
  };
  for (const VarDecl *V : Vars) {
    if (V == Var)
      return false;
    for (const VarUse &Use : findUses(*V, Whole, Body))
      if (Use.Kind == UseKind::AddressTaken ||
          ((Use.Kind == UseKind::Assigned || Use.Kind == UseKind::Modified) &&
           Between(Use.Ref->getBeginLoc())))
        return false;
  }
  for (const VarUse &Use : findUses(*Var, Whole, Body))
    if ((Use.Kind == UseKind::Assigned && Use.Ref != strip(Assign.getLHS()) &&
         !onOtherBranch(Use.Ref, &Assign, Body)) ||
        Use.Kind == UseKind::AddressTaken)
      return false;
  bool SourceWritten = false;
  forEachStmt(&Whole, [&](const Stmt *S) {
    if (const auto *B = dyn_cast<BinaryOperator>(S))
      SourceWritten |= B->isAssignmentOp() && sameLvalue(B->getLHS(), Source) &&
                       Between(B->getBeginLoc());
  });
  return !SourceWritten;
}


// Is the expression written as `!P`, `P == NULL`, `NULL == P`, `P == 0`?
bool isNullTestOf(const Expr *Cond, const Expr *P, ASTContext &AST) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond))
    return Not->getOpcode() == UO_LNot && sameLvalue(Not->getSubExpr(), P);
  if (const auto *Eq = dyn_cast<BinaryOperator>(Cond)) {
    if (Eq->getOpcode() != BO_EQ)
      return false;
    auto IsNull = [&AST](const Expr *E) {
      return E->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull) !=
             Expr::NPCK_NotNull;
    };
    return (sameLvalue(Eq->getLHS(), P) && IsNull(Eq->getRHS())) ||
           (sameLvalue(Eq->getRHS(), P) && IsNull(Eq->getLHS()));
  }
  return false;
}

// `p = realloc(p, n); if (!p) { ...; exit(1); }`: a failure ends the
// program, so the block is not lost to anyone.
bool failureEndsProgram(const BinaryOperator &Assign, const FunctionBody &Body,
                        ASTContext &AST) {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body.parent(&Assign));
  if (!Block)
    return false;
  const Stmt *Next = nullptr;
  for (auto It = Block->body_begin(); It != Block->body_end(); ++It)
    if (*It == &Assign) {
      if (++It != Block->body_end())
        Next = *It;
      break;
    }
  const auto *If = dyn_cast_or_null<IfStmt>(Next);
  if (!If || !If->getCond() || !isNullTestOf(If->getCond(), Assign.getLHS(), AST))
    return false;
  const Stmt *Then = If->getThen();
  if (isNoReturnCall(Then))
    return true;
  if (const auto *ThenBlock = dyn_cast_or_null<CompoundStmt>(Then))
    for (const Stmt *S : ThenBlock->body())
      if (isNoReturnCall(S))
        return true;
  return false;
}

// Is the old block still reachable from another variable at the call: an
// earlier `old = p` / `T *old = p` whose destination is not reassigned
// before the call? A copy made later in the same loop counts too (it holds
// the block on the next iteration).
bool oldBlockSaved(const BinaryOperator &Assign, const FunctionBody &Body,
                   const SourceManager &SM) {
  const Expr *Target = Assign.getLHS();
  const Stmt *FnBody = Body.function().getBody();
  const Stmt *Loop = Body.innermostLoop(&Assign);
  SourceLocation At = SM.getExpansionLoc(Assign.getBeginLoc());
  auto Before = [&](SourceLocation L) {
    return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(L), At);
  };

  // Candidate saves: (destination lvalue or variable, where).
  struct Save {
    const Expr *Dest;
    const VarDecl *Var;
    SourceLocation Loc;
  };
  std::vector<Save> Saves;
  bool SavedInLoop = false;
  forEachStmt(FnBody, [&](const Stmt *S) {
    if (S == &Assign)
      return;
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls()) {
        const auto *V = dyn_cast<VarDecl>(D);
        if (!V || !V->getInit() || !sameLvalue(V->getInit()->IgnoreParenCasts(), Target))
          continue;
        if (Before(V->getLocation()))
          Saves.push_back({nullptr, V, V->getLocation()});
        else if (Loop && Body.isWithin(S, Loop))
          SavedInLoop = true;
      }
      return;
    }
    const auto *Copy = dyn_cast<BinaryOperator>(S);
    if (!Copy || Copy->getOpcode() != BO_Assign ||
        !sameLvalue(Copy->getRHS()->IgnoreParenCasts(), Target) ||
        sameLvalue(Copy->getLHS(), Target))
      return;
    if (Before(Copy->getBeginLoc()))
      Saves.push_back({Copy->getLHS(), nullptr, Copy->getBeginLoc()});
    else if (Loop && Body.isWithin(Copy, Loop))
      SavedInLoop = true;
  });
  if (SavedInLoop)
    return true;
  if (Saves.empty())
    return false;

  // Drop saves whose destination is written again between the save and the
  // call (in source order).
  auto Writes = [](const Stmt *S, const Save &Sv) {
    const Expr *Written = nullptr;
    if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->isAssignmentOp())
        Written = B->getLHS();
    } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      if (U->isIncrementDecrementOp())
        Written = U->getSubExpr();
    }
    if (!Written)
      return false;
    if (Sv.Var) {
      const auto *Ref = dyn_cast<DeclRefExpr>(strip(Written));
      return Ref && Ref->getDecl()->getCanonicalDecl() == Sv.Var->getCanonicalDecl();
    }
    return sameLvalue(Written, Sv.Dest);
  };
  for (const Save &Sv : Saves) {
    bool Overwritten = false;
    forEachStmt(FnBody, [&](const Stmt *S) {
      if (Overwritten || !Writes(S, Sv))
        return;
      SourceLocation L = SM.getExpansionLoc(S->getBeginLoc());
      if (SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Sv.Loc), L) &&
          SM.isBeforeInTranslationUnit(L, At))
        Overwritten = true;
    });
    if (!Overwritten)
      return true;
  }
  return false;
}

// Source text of E as written, whitespace collapsed, or "" if E does not
// come from one file range.
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
  return Out;
}

// Is E a local variable (not static, not a reference) whose address the
// function never takes? Then only the function's own statements write it.
bool isPrivateLocal(const Expr *E, const FunctionBody &Body) {
  const auto *Ref = dyn_cast<DeclRefExpr>(strip(E));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return false;
  for (const VarUse &Use : findUses(*Var, *Body.function().getBody(), Body))
    if (Use.Kind == UseKind::AddressTaken)
      return false;
  // A lambda or block capturing it by reference could write it too.
  return !containsClosure(Body.function().getBody());
}

bool nameIsFree(StringRef Name, ASTContext &AST) {
  return AST.Idents.find(Name) == AST.Idents.end();
}

} // namespace

std::string ReallocLeakCheck::releaserFor(const CallExpr &Call,
                                          StringRef CalleeText) const {
  const AllocatorFamily *Family = Ctx.Allocators.calleeFamily(Call);
  if (Family && Family->Name != "libc")
    return Family->Releasers.empty() ? "" : Family->Releasers.front();
  // `free` spelled with the realloc's qualifier (`std::realloc` -> `std::free`).
  StringRef Fn = Call.getDirectCallee()->getName();
  if (!endsWith(CalleeText, Fn))
    return "";
  return CalleeText.substr(0, CalleeText.size() - Fn.size()).str() + "free";
}

void ReallocLeakCheck::registerMatchers(MatchFinder &Finder) {
  std::vector<std::string> Names = Ctx.Allocators.growNames();
  std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  Finder.addMatcher(
      binaryOperator(
          hasOperatorName("="),
          hasRHS(ignoringParenCasts(
              callExpr(callee(functionDecl(hasAnyName(NameRefs)))).bind("call"))),
          unless(isExpansionInSystemHeader()))
          .bind("assign"),
      this);
}

void ReallocLeakCheck::run(const MatchFinder::MatchResult &Result) {
  const auto *Assign = Result.Nodes.getNodeAs<BinaryOperator>("assign");
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (!Assign || !Call || Call->getNumArgs() < 1)
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  const AllocatorFamily *Family = Ctx.Allocators.calleeFamily(*Call);
  if (!Ctx.Allocators.isGrow(*Call))
    return;
  SourceLocation Loc = Call->getBeginLoc();
  if (!wants(Loc))
    return;
  // An assignment written by a system header's macro is not the user's text.
  const SourceManager &SMgr = Ctx.AST.getSourceManager();
  if (SMgr.isInSystemHeader(SMgr.getSpellingLoc(Assign->getOperatorLoc())))
    return;
  const Expr *Target = Assign->getLHS();
  if (!sameLvalue(Target->IgnoreParenCasts(), Call->getArg(0)->IgnoreParenCasts()) ||
      isParameter(Target))
    return;
  // xrealloc-style families abort instead of returning NULL.
  if (Family && Family->NeverNull)
    return;

  ASTContext &AST = Ctx.AST;
  const SourceManager &SM = AST.getSourceManager();
  const LangOptions &LO = AST.getLangOpts();
  const FunctionDecl *Function = Ctx.Functions.enclosing(Loc);
  if (!Function)
    return;
  // Clang hands implicit instantiations to the consumer as top-level
  // declarations, so the index may answer with one: judge the pattern.
  if (const FunctionDecl *Pattern = Function->getTemplateInstantiationPattern())
    Function = Pattern;
  if (!Function->getBody())
    return;
  const FunctionBody &Body = Ctx.Functions.body(*Function);
  // The index holds function bodies as written: a template instantiation's
  // copy of the statement is not in its pattern's body and is skipped here
  // (without isInTemplateInstantiation(), which builds the TU's parent
  // map); so is code the index gave an outer function for.
  if (!Body.isWithin(Assign, Function->getBody()))
    return;
  if (oldBlockSaved(*Assign, Body, SM) || failureEndsProgram(*Assign, Body, AST) ||
      copiesLiveLvalue(Target, *Assign, Body))
    return;

  std::string Name = textOf(Target, SM, LO);
  if (Name.empty())
    Name = textOf(Target->IgnoreParens(), SM, LO);
  if (Name.empty() || Name.size() > 60)
    Name = "the pointer";
  else
    Name = "'" + Name + "'";
  StringRef Fn = Callee->getName();
  Finding F = finding(Loc, ("if " + Fn + " fails, " + Name +
                            " is overwritten with NULL and the block it pointed "
                            "to leaks; assign the result to a temporary first")
                               .str());
  F.Owner = Function;
  F.InLoop = Body.innermostLoop(Assign) != nullptr;
  addFixIt(F, *Assign, *Call, Body);
  Ctx.Report.report(F);
}

// Rewrites the statement `LHS = RHS;` into
//   { void *grown = RHS; if (!grown) free(ARG0); LHS = grown; }
// which keeps LHS's value on every path (NULL on failure, as before) and only
// adds the missing free. Offered only where that is certain: a plain
// statement in a block, nothing from a macro, no side effects in what is
// evaluated again, pointer types, and a temporary name the TU never uses.
void ReallocLeakCheck::addFixIt(Finding &F, const BinaryOperator &Assign,
                                const CallExpr &Call, const FunctionBody &Body) {
  ASTContext &AST = Ctx.AST;
  const SourceManager &SM = AST.getSourceManager();
  const LangOptions &LO = AST.getLangOpts();
  if (LO.ObjC || (LO.CPlusPlus && !LO.CPlusPlus11))
    return;
  if (!isa_and_nonnull<CompoundStmt>(Body.parent(&Assign)))
    return;
  const Expr *LHS = Assign.getLHS();
  const Expr *RHS = Assign.getRHS()->IgnoreImpCasts();
  if (!LHS->getType()->isPointerType() || !RHS->getType()->isPointerType() ||
      LHS->HasSideEffects(AST))
    return;
  // The first argument is evaluated again (by `free`) and the left side
  // after the call, as before: no argument may change what they denote.
  // Definite side effects (n++, assignments) never; calls (strlen(s) + 1)
  // only when the left side is a local whose address is never taken, which
  // no call can reach.
  bool CallsMayWrite = !isPrivateLocal(LHS, Body);
  for (const Expr *Arg : Call.arguments())
    if (Arg->HasSideEffects(AST, /*IncludePossibleEffects=*/false) ||
        (CallsMayWrite && Arg->HasSideEffects(AST)) || containsClosure(Arg))
      return;

  std::string WholeText, LHSText, RHSText, ArgText, CalleeText;
  const auto *CalleeRef = dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (!CalleeRef || !verbatim(Assign.getSourceRange(), SM, LO, WholeText) ||
      !verbatim(LHS->getSourceRange(), SM, LO, LHSText) ||
      !verbatim(RHS->getSourceRange(), SM, LO, RHSText) ||
      !verbatim(Call.getArg(0)->getSourceRange(), SM, LO, ArgText) ||
      !verbatim(CalleeRef->getSourceRange(), SM, LO, CalleeText))
    return;
  std::string FreeText = releaserFor(Call, CalleeText);
  if (FreeText.empty())
    return;

  SourceLocation Begin = Assign.getBeginLoc();
  SourceLocation AfterSemi = Lexer::findLocationAfterToken(
      Assign.getEndLoc(), tok::semi, SM, LO, /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (AfterSemi.isInvalid() || AfterSemi.isMacroID() ||
      SM.getFileID(AfterSemi) != SM.getFileID(Begin))
    return;

  // A temporary name the translation unit has never seen: it can shadow
  // nothing, not even through a macro in RHS.
  std::string Temp;
  std::string Base = "grown";
  if (const auto *Ref = dyn_cast<DeclRefExpr>(strip(LHS)))
    Base = "grown_" + Ref->getDecl()->getNameAsString();
  else if (const auto *Member = dyn_cast<MemberExpr>(strip(LHS)))
    Base = "grown_" + Member->getMemberDecl()->getNameAsString();
  for (const std::string &Candidate : {std::string("grown"), Base})
    if (Temp.empty() && nameIsFree(Candidate, AST))
      Temp = Candidate;
  for (unsigned N = 2; Temp.empty() && N < 100; ++N)
    if (nameIsFree("grown" + std::to_string(N), AST))
      Temp = "grown" + std::to_string(N);
  if (Temp.empty())
    return;

  // Indentation: the statement's own, one unit deeper inside; the unit is
  // what the statement adds to its block's `{` line, else four spaces.
  std::string Indent = indentOf(SM.getExpansionLoc(Begin), SM);
  std::string Unit = "    ";
  if (const auto *Block = dyn_cast<CompoundStmt>(Body.parent(&Assign))) {
    std::string Outer = indentOf(SM.getExpansionLoc(Block->getLBracLoc()), SM);
    if (Indent.size() > Outer.size() && startsWith(Indent, Outer))
      Unit = Indent.substr(Outer.size());
    else if (!Indent.empty() && Indent[0] == '\t')
      Unit = "\t";
  }
  std::string In = Indent + Unit;
  std::string Decl = LO.CPlusPlus ? "auto *" : "void *";
  std::string Text = "{\n" + In + Decl + Temp + " = " + RHSText + ";\n" + In +
                     "if (!" + Temp + ")\n" + In + Unit + FreeText + "(" +
                     ArgText + ");\n" + In + LHSText + " = " + Temp + ";\n" +
                     Indent + "}";
  F.FixIts.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(Begin, AfterSemi), Text));
}

} // namespace memrules
