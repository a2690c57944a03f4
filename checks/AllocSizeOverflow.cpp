#include "AllocSizeOverflow.h"

#include "analysis/VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

// The product in a size expression: the size itself, or a term of a sum
// (`n * m + 1` still wraps).
const BinaryOperator *productIn(const Expr *E) {
  const auto *B = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  if (!B)
    return nullptr;
  if (B->getOpcode() == BO_Mul)
    return B;
  if (!B->isAdditiveOp())
    return nullptr;
  const BinaryOperator *Left = productIn(B->getLHS());
  return Left ? Left : productIn(B->getRHS());
}

// a * b * c -> a, b, c.
void factorsOf(const Expr *E, std::vector<const Expr *> &Out) {
  const auto *B = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  if (B && B->getOpcode() == BO_Mul) {
    factorsOf(B->getLHS(), Out);
    factorsOf(B->getRHS(), Out);
    return;
  }
  Out.push_back(E);
}

// How many bits an operand's value can have: the narrowest integer type on
// its chain of conversions (`(size_t)len16` still holds 16 bits).
unsigned valueBits(const Expr *E, ASTContext &AST) {
  unsigned Bits = AST.getIntWidth(E->getType());
  for (E = E->IgnoreParens(); const auto *Cast = dyn_cast<CastExpr>(E);
       E = E->IgnoreParens()) {
    E = Cast->getSubExpr();
    if (!E->getType()->isIntegerType())
      break;
    Bits = std::min(Bits, static_cast<unsigned>(AST.getIntWidth(E->getType())));
  }
  return Bits;
}

// Do A and B read the same variable or field (`n`, `s->count`)?
bool sameValue(const Expr *A, const Expr *B) {
  A = A->IgnoreParenCasts();
  B = B->IgnoreParenCasts();
  if (const auto *RA = dyn_cast<DeclRefExpr>(A)) {
    const auto *RB = dyn_cast<DeclRefExpr>(B);
    return RB && RA->getDecl() == RB->getDecl();
  }
  if (const auto *MA = dyn_cast<MemberExpr>(A)) {
    const auto *MB = dyn_cast<MemberExpr>(B);
    return MB && MA->getMemberDecl() == MB->getMemberDecl() &&
           sameValue(MA->getBase(), MB->getBase());
  }
  return false;
}

bool mentions(const Stmt *S, const Expr &Factor) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (sameValue(E, &Factor))
      return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, Factor))
      return true;
  return false;
}

// Is S a bound on Factor: a comparison mentioning it (`n > MAX / m`,
// `m && n > SIZE_MAX / m`), a division by it (`SIZE_MAX / n`), or a
// checked multiply (`__builtin_mul_overflow(n, m, &size)`)?
bool bounds(const Stmt *S, const Expr &Factor) {
  if (const auto *B = dyn_cast<BinaryOperator>(S)) {
    if (B->isRelationalOp() || B->isEqualityOp())
      return mentions(B, Factor);
    if (B->getOpcode() == BO_Div || B->getOpcode() == BO_Rem)
      return mentions(B->getRHS(), Factor);
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() &&
        Callee->getName().contains("mul_overflow"))
      return mentions(Call, Factor);
  }
  return false;
}

// Any bound on one of the factors written before Before in the function.
// An approximation of "on every path": it errs towards silence.
bool isChecked(const Stmt *S, const std::vector<const Expr *> &Factors,
               SourceLocation Before, const SourceManager &SM) {
  if (!S || !SM.isBeforeInTranslationUnit(S->getBeginLoc(), Before))
    return false;
  for (const Expr *Factor : Factors)
    if (bounds(S, *Factor))
      return true;
  for (const Stmt *Child : S->children())
    if (isChecked(Child, Factors, Before, SM))
      return true;
  return false;
}

std::string textOf(const Expr *E, ASTContext &AST) {
  return Lexer::getSourceText(CharSourceRange::getTokenRange(E->getSourceRange()),
                              AST.getSourceManager(), AST.getLangOpts())
      .str();
}

} // namespace

void AllocSizeOverflowCheck::registerMatchers(MatchFinder &Finder) {
  std::vector<std::string> Names = triggers();
  std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  Finder.addMatcher(callExpr(callee(functionDecl(hasAnyName(NameRefs))),
                             unless(isExpansionInSystemHeader()))
                        .bind("call"),
                    this);
}

void AllocSizeOverflowCheck::run(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  SourceLocation Loc = Call->getBeginLoc();
  std::vector<const Expr *> Sizes = AllocatorModel::sizeOperands(*Call);
  if (Sizes.size() != 1 || !wants(Loc))
    return;
  const FunctionDecl *Function = Ctx.Functions.enclosing(Loc);
  if (!Function)
    return;
  const FunctionBody &Body = Ctx.Functions.body(*Function);
  if (!Body.contains(Call))
    return; // a template instantiation: its pattern is checked instead

  // The product: in the argument, or in the initialiser of the one local
  // the argument reads (`size_t n = count * size; malloc(n)`).
  const Expr *Size = Sizes.front();
  const BinaryOperator *Product = productIn(Size);
  const auto *Ref = dyn_cast<DeclRefExpr>(Size->IgnoreParenImpCasts());
  const auto *Local = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Product && Local && Local->hasLocalStorage() && Local->getInit()) {
    for (const VarUse &Use : findUses(*Local, *Function->getBody(), Body))
      if (Use.Kind == UseKind::Assigned || Use.Kind == UseKind::Modified ||
          Use.Kind == UseKind::AddressTaken)
        return; // which value reaches the call is a path question
    Product = productIn(Local->getInit());
  }
  if (!Product || Product->getType()->isDependentType() ||
      !Product->getType()->isIntegerType())
    return;

  std::vector<const Expr *> Factors, Unknown;
  factorsOf(Product, Factors);
  unsigned Bits = 0;
  for (const Expr *Factor : Factors) {
    if (Factor->isValueDependent() || !Factor->getType()->isIntegerType())
      return;
    if (Factor->isEvaluatable(Ctx.AST))
      continue; // constants and sizeof do not count
    Unknown.push_back(Factor);
    Bits += valueBits(Factor, Ctx.AST);
  }
  // Two values whose types bound the product (two 16-bit values in a 32-bit
  // product) cannot wrap.
  if (Unknown.size() < 2 || Bits <= Ctx.AST.getIntWidth(Product->getType()))
    return;
  const SourceManager &SM = Ctx.AST.getSourceManager();
  if (isChecked(Function->getBody(), Unknown, Loc, SM))
    return;

  // Text from a macro expansion may be unavailable: say less, not nonsense.
  StringRef Callee = Call->getDirectCallee()->getName();
  std::string Left = textOf(Unknown[0], Ctx.AST), Right = textOf(Unknown[1], Ctx.AST);
  std::string Fix = Callee == "realloc"                     ? "reallocarray"
                    : Callee != "malloc"                    ? "a checked multiply"
                    : Left.empty() || Right.empty() ||
                            Unknown.size() > 2             ? "calloc"
                                                           : "calloc(" + Left + ", " + Right + ")";
  std::string Shown = textOf(Product, Ctx.AST);
  Finding F = finding(Loc, (Shown.empty() ? "the size" : "the size '" + Shown + "'") +
                               " multiplies values nothing checks for overflow; "
                               "if it wraps, " + Callee.str() +
                               " returns a smaller block than the code then "
                               "writes: use " + Fix +
                               " or check the product (__builtin_mul_overflow)");
  if (!productIn(Size))
    F.Notes.push_back({Product->getExprLoc(), "the size is computed here"});
  F.Owner = Function;
  F.InLoop = Body.innermostLoop(Call) != nullptr;
  Ctx.Report.report(F);
}

} // namespace memrules
