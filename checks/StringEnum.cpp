// string-enum: a fixed vocabulary held as text (see StringEnum.h).
//
// Matching is bottom-up and narrow: calls named strcmp/strcasecmp/strncmp/
// strncasecmp with a string-literal argument; in C++, ==/!= operator calls
// with a literal operand; and the member expressions of `char *` /
// std::string fields. A function's parent map is built only for a function
// that holds a chain long enough to report.
//
// Staying silent on parsers (RULES.md, settled details): code that turns
// outside text into an enum is the cure, not the disease. A chain is
// reported only when the compared value is internal state (a local or field
// that only ever holds string literals), or when none of its branches maps
// the text to something (a constant, a handler call, a return, a jump); and
// never in main(), on argv/optarg, or on a value named like an argument,
// token, name, command, key, option or word.
#include "StringEnum.h"

#include "analysis/StmtWalk.h"
#include "analysis/VarUses.h"

#include "../plugin/Compat.h"
#include "../plugin/TraversalPlan.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

#include <tuple>
#include <utility>

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

using Comparison = StringEnumCheck::Comparison;

// `char *`, `const char *` (any qualifiers), std::string.
bool isStringType(QualType T) {
  if (T.isNull() || T->isDependentType())
    return false;
  T = T.getCanonicalType();
  if (const auto *P = T->getAs<PointerType>())
    return P->getPointeeType().getUnqualifiedType()->isSpecificBuiltinType(
        BuiltinType::Char_S) ||
           P->getPointeeType().getUnqualifiedType()->isSpecificBuiltinType(
               BuiltinType::Char_U);
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier() || RD->getName() != "basic_string" ||
      !RD->isInStdNamespace())
    return false;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  return Spec && Spec->getTemplateArgs().size() >= 1 &&
         Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
         Spec->getTemplateArgs()[0].getAsType()->isCharType();
}

AST_MATCHER(FieldDecl, isStringField) {
  return Node.getIdentifier() && isStringType(Node.getType());
}

// The string literal E is, through parentheses, casts, temporaries and a
// converting constructor (std::string("x")), or null.
const StringLiteral *literalOf(const Expr *E) {
  for (unsigned Guard = 0; E && Guard < 16; ++Guard) {
    E = E->IgnoreParenCasts()->IgnoreImplicit()->IgnoreParenCasts();
    if (const auto *Lit = dyn_cast<StringLiteral>(E))
      return Lit->getCharByteWidth() == 1 ? Lit : nullptr;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() == 0)
        return nullptr;
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

// Every string literal E may evaluate to (`c ? "a" : "b"`), or false if E
// may be something else. Null pointers add nothing.
bool literalsOf(const Expr *E, ASTContext &AST,
                std::vector<const StringLiteral *> &Out) {
  if (!E)
    return false;
  if (const StringLiteral *Lit = literalOf(E)) {
    Out.push_back(Lit);
    return true;
  }
  const Expr *Bare = E->IgnoreParenCasts();
  if (const auto *Cond = dyn_cast<ConditionalOperator>(Bare))
    return literalsOf(Cond->getTrueExpr(), AST, Out) &&
           literalsOf(Cond->getFalseExpr(), AST, Out);
  if (!Bare->isValueDependent() && !Bare->getType()->isRecordType() &&
      E->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull) !=
          Expr::NPCK_NotNull)
    return true;
  return false;
}

const Expr *strip(const Expr *E) { return E ? E->IgnoreParenImpCasts() : E; }

// `s.c_str()` / `s.data()` compare s.
const Expr *underlying(const Expr *E) {
  E = E ? E->IgnoreParenCasts() : E;
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E))
    if (const auto *M = Call->getMethodDecl())
      if (M->getIdentifier() && Call->getNumArgs() == 0 &&
          (M->getName() == "c_str" || M->getName() == "data"))
        return underlying(Call->getImplicitObjectArgument());
  if (E)
    E = E->IgnoreImplicit()->IgnoreParenCasts();
  // A by-value argument: the copy of the object.
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E))
    if (Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor())
      return underlying(Construct->getArg(0));
  return E;
}

// Can E name one object for the whole function, so that two comparisons of
// E compare the same thing: a variable, a member chain, a constant index?
bool keyable(const Expr *E) {
  E = strip(E);
  if (!E)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return isa<VarDecl>(Ref->getDecl());
  if (const auto *M = dyn_cast<MemberExpr>(E))
    return isa<FieldDecl>(M->getMemberDecl()) &&
           (isa<CXXThisExpr>(strip(M->getBase())) || keyable(M->getBase()));
  if (const auto *S = dyn_cast<ArraySubscriptExpr>(E))
    return keyable(S->getBase()) &&
           (isa<IntegerLiteral>(strip(S->getIdx())) || keyable(S->getIdx()));
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return U->getOpcode() == UO_Deref && keyable(U->getSubExpr());
  return false;
}

bool isLibcCompare(const FunctionDecl *F) {
  if (!F || !F->getIdentifier() || isa<CXXMethodDecl>(F))
    return false;
  const DeclContext *DC = F->getDeclContext()->getRedeclContext();
  return DC->isTranslationUnit() || DC->isStdNamespace() || F->isExternC();
}

// Names of values that hold outside text by convention.
bool looksLikeInput(StringRef Name) {
  std::string Lower = Name.lower();
  for (const char *Word : {"arg", "tok", "name", "cmd", "command", "key", "opt",
                           "word", "keyword", "param", "input", "line", "verb",
                           "flag"})
    if (StringRef(Lower).contains(Word))
      return true;
  return false;
}

// Does the value come from the command line or an input-ish name: a
// reference to argv/optarg, or any variable or field named like input?
bool namesInput(const Expr *E) {
  bool Found = false;
  forEachStmt(E, [&Found](const Stmt *S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (Var->getIdentifier() &&
            (looksLikeInput(Var->getName()) || Var->getName() == "optarg" ||
             Var->getName() == "argv"))
          Found = true;
    } else if (const auto *M = dyn_cast<MemberExpr>(S)) {
      if (M->getMemberDecl()->getIdentifier() &&
          looksLikeInput(M->getMemberDecl()->getName()))
        Found = true;
    }
  });
  return Found;
}

std::string quote(StringRef S) {
  std::string Out = "\"";
  for (unsigned char C : S) {
    if (C == '"' || C == '\\') {
      Out += '\\';
      Out += C;
    } else if (C == '\n') {
      Out += "\\n";
    } else if (C == '\t') {
      Out += "\\t";
    } else if (C < 0x20 || C >= 0x7f) {
      static const char Hex[] = "0123456789abcdef";
      Out += "\\x";
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    } else {
      Out += C;
    }
  }
  return Out + "\"";
}

// Source text of E as written, whitespace collapsed, or "".
std::string textOf(const Expr *E, const SourceManager &SM, const LangOptions &LO) {
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, LO);
  if (Range.isInvalid())
    return "";
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(Range, SM, LO, &Invalid);
  if (Invalid || Text.size() > 60)
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

// How a strcmp call is used: an equality test (and whether "equal" is the
// true side), or something else (an ordering, a stored result).
enum class TestUse { NotEquality, Equal, NotEqual };

TestUse testUse(const Comparison &C, const FunctionBody &Body) {
  if (C.Operator)
    return C.Negated ? TestUse::NotEqual : TestUse::Equal;
  const Stmt *Child = C.Test;
  const Stmt *P = Body.parent(Child);
  while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P))) {
    Child = P;
    P = Body.parent(P);
  }
  if (!P)
    return TestUse::NotEquality;
  if (const auto *B = dyn_cast<BinaryOperator>(P)) {
    if (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE) {
      const Expr *Other = B->getLHS() == Child ? B->getRHS() : B->getLHS();
      Expr::EvalResult R;
      if (Other->isValueDependent() ||
          !Other->EvaluateAsInt(R, Body.function().getASTContext()) ||
          R.Val.getInt() != 0)
        return TestUse::NotEquality;
      return B->getOpcode() == BO_EQ ? TestUse::Equal : TestUse::NotEqual;
    }
    if (B->getOpcode() == BO_LAnd || B->getOpcode() == BO_LOr)
      return TestUse::NotEqual;
    return TestUse::NotEquality;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(P))
    return U->getOpcode() == UO_LNot ? TestUse::Equal : TestUse::NotEquality;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return If->getCond() == Child ? TestUse::NotEqual : TestUse::NotEquality;
  if (const auto *While = dyn_cast<WhileStmt>(P))
    return While->getCond() == Child ? TestUse::NotEqual : TestUse::NotEquality;
  if (const auto *Cond = dyn_cast<ConditionalOperator>(P))
    return Cond->getCond() == Child ? TestUse::NotEqual : TestUse::NotEquality;
  return TestUse::NotEquality;
}

// The statement that runs when the comparison finds its literal: the then
// (or else, for a `!= 0` test) branch of the if whose condition the test
// is, or null when the test is used otherwise (returned, stored, part of a
// larger expression other than `!`, &&, ||).
const Stmt *branchOf(const Comparison &C, TestUse Use, const FunctionBody &Body) {
  auto Up = [&Body](const Stmt *S) {
    const Stmt *P = Body.parent(S);
    while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P))) {
      S = P;
      P = Body.parent(P);
    }
    return std::make_pair(S, P);
  };
  bool Equal = Use == TestUse::Equal;
  auto [Child, P] = Up(C.Test);
  // The test itself: `strcmp(..) == 0`, `!strcmp(..)`.
  if (!C.Operator && P) {
    const auto *B = dyn_cast<BinaryOperator>(P);
    const auto *U = dyn_cast<UnaryOperator>(P);
    if ((B && (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE)) ||
        (U && U->getOpcode() == UO_LNot))
      std::tie(Child, P) = Up(P);
  }
  for (; P; std::tie(Child, P) = Up(P)) {
    if (const auto *U = dyn_cast<UnaryOperator>(P)) {
      if (U->getOpcode() != UO_LNot)
        return nullptr;
      Equal = !Equal;
      continue;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(P)) {
      if (B->getOpcode() == BO_LAnd || B->getOpcode() == BO_LOr)
        continue;
      return nullptr;
    }
    if (const auto *If = dyn_cast<IfStmt>(P)) {
      if (If->getCond() != Child)
        return nullptr;
      return Equal ? If->getThen() : If->getElse();
    }
    return nullptr;
  }
  return nullptr;
}

// Does the branch map the text to something, as a parser or dispatcher
// does: assign or return a constant, call a handler, return, jump, count?
bool mapsToSomething(const Stmt *Branch, ASTContext &AST) {
  if (!Branch)
    return true;
  bool Maps = false, Assigns = false;
  forEachStmt(Branch, [&](const Stmt *S) {
    if (Maps)
      return;
    // `a = b` on a class object is a call of operator=, still an assignment.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
        Assigns = true;
        if (!Op->getArg(1)->isValueDependent() && !literalOf(Op->getArg(1)) &&
            Op->getArg(1)->isEvaluatable(AST))
          Maps = true;
        return;
      }
    if (isa<CallExpr>(S) || isa<ReturnStmt>(S) || isa<BreakStmt>(S) ||
        isa<ContinueStmt>(S) || isa<GotoStmt>(S) || isa<CXXConstructExpr>(S) ||
        isa<CXXNewExpr>(S) || isa<CXXThrowExpr>(S) || isa<SwitchStmt>(S)) {
      Maps = true;
      return;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(S))
      if (U->isIncrementDecrementOp())
        Maps = true;
    if (isa<CompoundAssignOperator>(S))
      Maps = true;
    if (const auto *B = dyn_cast<BinaryOperator>(S))
      if (B->getOpcode() == BO_Assign) {
        Assigns = true;
        const Expr *RHS = B->getRHS()->IgnoreParenCasts();
        if (!RHS->isValueDependent() && !literalOf(RHS) &&
            (RHS->getType()->isIntegralOrEnumerationType() ||
             RHS->getType()->isBooleanType() || RHS->getType()->isRealFloatingType()))
          Maps = true; // an integer (enum constant, flag, number)
        else if (!RHS->isValueDependent() && RHS->isEvaluatable(AST) && !literalOf(RHS))
          Maps = true;
      }
  });
  return Maps || !Assigns;
}

} // namespace

std::vector<std::string> StringEnumCheck::triggers() const {
  return {"strcmp", "strcasecmp", "strncmp", "strncasecmp"};
}

std::vector<std::string>
StringEnumCheck::watchedNamesFor(const TagDecl &Tag) const {
  std::vector<std::string> Names;
  const auto *RD = dyn_cast<RecordDecl>(&Tag);
  if (!RD)
    return Names;
  for (const FieldDecl *F : RD->fields())
    if (F->getIdentifier() && isStringType(F->getType()))
      Names.push_back(F->getName().str());
  return Names;
}

bool StringEnumCheck::walksEveryBody() const {
  return Ctx.AST.getLangOpts().CPlusPlus;
}

void StringEnumCheck::registerMatchers(MatchFinder &Finder) {
  auto NotSystem = unless(isExpansionInSystemHeader());
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName("strcmp", "strcasecmp", "strncmp",
                                              "strncasecmp", "__builtin_strcmp",
                                              "__builtin_strncmp"))),
               NotSystem)
          .bind("strcmp"),
      this);
  if (Ctx.AST.getLangOpts().CPlusPlus)
    Finder.addMatcher(cxxOperatorCallExpr(hasAnyOverloadedOperatorName("==", "!="),
                                          NotSystem)
                          .bind("eq"),
                      this);
  registerFollowUpMatchers(Finder);
}

// The uses of string fields: walked in the first pass where it goes, and
// then in the bodies that mention a field compared with a literal.
void StringEnumCheck::registerFollowUpMatchers(MatchFinder &Finder) {
  auto NotSystem = unless(isExpansionInSystemHeader());
  auto Field = fieldDecl(isStringField()).bind("field");
  auto FieldRef = memberExpr(member(Field)).bind("member");
  // Every use of a candidate field...
  Finder.addMatcher(memberExpr(member(fieldDecl(isStringField())), NotSystem)
                        .bind("use"),
                    this);
  // ...reads that leave it alone...
  Finder.addMatcher(implicitCastExpr(hasCastKind(CK_LValueToRValue),
                                     hasSourceExpression(ignoringParens(FieldRef)),
                                     NotSystem)
                        .bind("read"),
                    this);
  // ...and stores.
  Finder.addMatcher(binaryOperator(hasOperatorName("="),
                                   hasLHS(ignoringParens(FieldRef)), NotSystem)
                        .bind("assign"),
                    this);
  Finder.addMatcher(initListExpr(hasType(hasCanonicalType(recordType())), NotSystem)
                        .bind("init"),
                    this);
  if (!Ctx.AST.getLangOpts().CPlusPlus)
    return;
  Finder.addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                                        hasArgument(0, ignoringParenImpCasts(FieldRef)),
                                        NotSystem)
                        .bind("assign"),
                    this);
  Finder.addMatcher(cxxMemberCallExpr(on(FieldRef),
                                      callee(cxxMethodDecl(isConst())), NotSystem)
                        .bind("read"),
                    this);
  // Passed by value or by const reference (copies, comparisons).
  auto ReadParam = parmVarDecl(anyOf(
      hasType(referenceType(pointee(isConstQualified()))),
      unless(hasType(referenceType()))));
  Finder.addMatcher(
      callExpr(forEachArgumentWithParam(ignoringParenImpCasts(FieldRef), ReadParam),
               NotSystem)
          .bind("read"),
      this);
  Finder.addMatcher(
      cxxConstructExpr(
          forEachArgumentWithParam(ignoringParenImpCasts(FieldRef), ReadParam),
          NotSystem)
          .bind("read"),
      this);
  Finder.addMatcher(cxxCtorInitializer(forField(Field)).bind("ctorinit"), this);
  Finder.addMatcher(fieldDecl(isStringField(), hasInClassInitializer(expr()), NotSystem)
                        .bind("inclass"),
                    this);
}

void StringEnumCheck::addComparison(const Expr *Test, const Expr *Value,
                                    const StringLiteral *Literal,
                                    bool CaseInsensitive, bool Operator,
                                    bool Negated) {
  Value = underlying(Value);
  if (!Literal || !Value || !keyable(Value))
    return;
  SourceLocation Loc = Test->getBeginLoc();
  if (!wants(Loc))
    return;
  const FunctionDecl *F = Ctx.Functions.enclosing(Loc);
  if (!F || !F->getBody())
    return;
  if (!Ctx.Functions.body(*F).contains(Test))
    return; // a template instantiation's copy
  auto &List = ByFunction[F];
  if (List.empty())
    Functions.push_back(F);
  List.push_back({Test, Value, Literal, CaseInsensitive, Operator, Negated});
}

void StringEnumCheck::noteStore(const FieldDecl *Field, const Expr *Value,
                                SourceLocation Loc) {
  Field = Field->getCanonicalDecl();
  auto It = Facts.find(Field);
  if (It == Facts.end()) {
    It = Facts.insert({Field, FieldFacts()}).first;
    Fields.push_back(Field);
  }
  std::vector<const StringLiteral *> Lits;
  if (!Value) {
    return; // default-initialised: no value
  }
  if (literalsOf(Value, Ctx.AST, Lits)) {
    for (const StringLiteral *Lit : Lits)
      It->second.Stores.push_back({Lit, Loc});
    return;
  }
  // A copy of the same field of another object carries only its literals.
  const Expr *Bare = Value->IgnoreParenCasts()->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Bare))
    if (Construct->getNumArgs() == 1 && Construct->getConstructor()->isCopyConstructor())
      Bare = strip(Construct->getArg(0));
  if (const auto *M = dyn_cast<MemberExpr>(strip(Bare)))
    if (M->getMemberDecl()->getCanonicalDecl() == Field)
      return;
  if (isa<CXXConstructExpr>(Bare) &&
      cast<CXXConstructExpr>(Bare)->getNumArgs() == 0)
    return; // std::string s{}: empty, no value of the vocabulary
  It->second.Tainted = true;
}

void StringEnumCheck::noteInitList(const InitListExpr &InitIn) {
  const InitListExpr *Init = &InitIn;
  if (!Init->isSemanticForm() && Init->getSemanticForm())
    Init = Init->getSemanticForm();
  if (!SeenInits.insert(Init).second)
    return;
  const auto *RD = Init->getType()->getAsRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return;
  if (RD->isUnion()) {
    const FieldDecl *Field = Init->getInitializedFieldInUnion();
    if (Field && Init->getNumInits() == 1 && Field->getIdentifier() &&
        isStringType(Field->getType()))
      noteStore(Field, Init->getInit(0), Init->getInit(0)->getBeginLoc());
    return;
  }
  unsigned I = 0;
  if (const auto *Class = dyn_cast<CXXRecordDecl>(RD))
    I = Class->getNumBases();
  for (const FieldDecl *Field : RD->fields()) {
    if (Field->isBitField() && !Field->getIdentifier())
      continue;
    if (I >= Init->getNumInits())
      break;
    const Expr *Value = Init->getInit(I++);
    if (!Field->getIdentifier() || !isStringType(Field->getType()))
      continue;
    if (isa<ImplicitValueInitExpr>(Value))
      continue;
    if (isa<CXXDefaultInitExpr>(Value))
      continue; // the in-class initializer, seen on its own
    noteStore(Field, Value, Value->getBeginLoc());
  }
}

void StringEnumCheck::run(const MatchFinder::MatchResult &Result) {
  const auto &Nodes = Result.Nodes;
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("strcmp")) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!isLibcCompare(Callee) || Call->getNumArgs() < 2)
      return;
    StringRef Name = Callee->getName();
    if (startsWith(Name, "__builtin_"))
      Name = Name.drop_front(10);
    bool Counted = Name == "strncmp" || Name == "strncasecmp";
    if (Counted != (Call->getNumArgs() == 3))
      return;
    const StringLiteral *Lit = literalOf(Call->getArg(1));
    const Expr *Value = Call->getArg(0);
    if (!Lit) {
      Lit = literalOf(Call->getArg(0));
      Value = Call->getArg(1);
    }
    if (!Lit || literalOf(Value))
      return;
    if (Counted) {
      // Only a whole-word test: n at least the literal's length.
      Expr::EvalResult R;
      const Expr *N = Call->getArg(2);
      if (N->isValueDependent() || !N->EvaluateAsInt(R, *Result.Context) ||
          R.Val.getInt().getLimitedValue() < Lit->getLength())
        return;
    }
    addComparison(Call, Value, Lit, Name.contains("case"), false, false);
    return;
  }
  if (const auto *Op = Nodes.getNodeAs<CXXOperatorCallExpr>("eq")) {
    if (Op->getNumArgs() != 2)
      return;
    const Expr *A = Op->getArg(0), *B = Op->getArg(1);
    const StringLiteral *Lit = literalOf(B);
    const Expr *Value = A;
    if (!Lit) {
      Lit = literalOf(A);
      Value = B;
    }
    if (!Lit || literalOf(Value))
      return;
    const Expr *Object = underlying(Value);
    if (!Object || !Object->getType()->getAsCXXRecordDecl())
      return;
    addComparison(Op, Object, Lit, false, true,
                  Op->getOperator() == OO_ExclaimEqual);
    return;
  }
  if (const auto *M = Nodes.getNodeAs<MemberExpr>("use")) {
    if (const auto *Field = dyn_cast<FieldDecl>(M->getMemberDecl())) {
      Members.push_back(M);
      noteStore(Field, nullptr, SourceLocation()); // registers the field
    }
    return;
  }
  const auto *M = Nodes.getNodeAs<MemberExpr>("member");
  const auto *Field = Nodes.getNodeAs<FieldDecl>("field");
  if (Nodes.getNodeAs<Expr>("read")) {
    if (M)
      Accounted.insert(M);
    return;
  }
  if (const auto *Assign = Nodes.getNodeAs<BinaryOperator>("assign")) {
    Accounted.insert(M);
    noteStore(Field, Assign->getRHS(), Assign->getBeginLoc());
    return;
  }
  if (const auto *Assign = Nodes.getNodeAs<CXXOperatorCallExpr>("assign")) {
    Accounted.insert(M);
    noteStore(Field, Assign->getNumArgs() == 2 ? Assign->getArg(1) : Assign,
              Assign->getBeginLoc());
    if (Assign->getNumArgs() != 2)
      Facts[Field->getCanonicalDecl()].Tainted = true;
    return;
  }
  if (const auto *Init = Nodes.getNodeAs<InitListExpr>("init")) {
    noteInitList(*Init);
    return;
  }
  if (const auto *Init = Nodes.getNodeAs<CXXCtorInitializer>("ctorinit")) {
    if (!Field || !Init->isWritten() ||
        Result.SourceManager->isInSystemHeader(
            Result.SourceManager->getExpansionLoc(Field->getLocation())))
      return;
    const Expr *Value = Init->getInit();
    // `name_()` / `name_{}`: an empty string or a null pointer.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Value->IgnoreImplicit()))
      if (Construct->getNumArgs() == 0)
        return;
    if (isa<ImplicitValueInitExpr>(Value) ||
        (isa<InitListExpr>(Value) && cast<InitListExpr>(Value)->getNumInits() == 0))
      return;
    noteStore(Field, Value, Init->getSourceLocation());
    return;
  }
  if (const auto *InClass = Nodes.getNodeAs<FieldDecl>("inclass")) {
    noteStore(InClass, InClass->getInClassInitializer(),
              InClass->getInClassInitializer()->getBeginLoc());
    return;
  }
}

bool StringEnumCheck::fieldIsPure(const FieldDecl *Field) {
  // A record of a system header: its uses are not all seen (no triggers),
  // and the library may write it.
  const SourceManager &SM = Ctx.AST.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Field->getLocation())))
    return false;
  auto It = Facts.find(Field->getCanonicalDecl());
  return It != Facts.end() && !It->second.Tainted && !It->second.Stores.empty();
}

// One chain: the comparisons of one value in one function.
namespace {
struct Chain {
  std::vector<const StringEnumCheck::Comparison *> Tests;
  std::vector<std::string> Distinct; // normalised literal texts, in order
};

std::string normalised(const StringEnumCheck::Comparison &C) {
  std::string S = C.Literal->getString().str();
  if (C.CaseInsensitive)
    S = StringRef(S).lower();
  return S;
}

void addDistinct(std::vector<std::string> &Distinct, const std::string &S) {
  for (const std::string &D : Distinct)
    if (D == S)
      return;
  Distinct.push_back(S);
}

// A local `char *` of F that only ever holds string literals (or null): its
// initializer and every assignment store literals, and it is never
// modified otherwise nor has its address taken.
bool isLiteralOnlyLocal(const VarDecl *Var, const FunctionDecl &F, ASTContext &AST) {
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      !Var->getType()->isPointerType() || !isStringType(Var->getType()))
    return false;
  std::vector<const StringLiteral *> Lits;
  if (Var->getInit() && !literalsOf(Var->getInit(), AST, Lits))
    return false;
  bool Pure = true;
  auto RefersToVar = [Var](const Expr *E) {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E));
    return Ref && Ref->getDecl() == Var;
  };
  forEachStmt(F.getBody(), [&](const Stmt *S) {
    if (!Pure)
      return;
    if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->isAssignmentOp() && RefersToVar(B->getLHS())) {
        if (B->getOpcode() != BO_Assign || !literalsOf(B->getRHS(), AST, Lits))
          Pure = false;
      }
    } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      if ((U->getOpcode() == UO_AddrOf || U->isIncrementDecrementOp()) &&
          RefersToVar(U->getSubExpr()))
        Pure = false;
    } else if (isa<LambdaExpr>(S) || isa<BlockExpr>(S)) {
      Pure = false; // a capture could write it
    }
  });
  return Pure && !Lits.empty();
}
} // namespace

void StringEnumCheck::judgeFunction(const FunctionDecl *F,
                                    std::vector<Comparison> &List) {
  // Group the comparisons by compared value.
  std::vector<Chain> Chains;
  for (const Comparison &C : List) {
    Chain *Into = nullptr;
    for (Chain &Ch : Chains)
      if (sameLvalue(Ch.Tests.front()->Value, C.Value)) {
        Into = &Ch;
        break;
      }
    if (!Into) {
      Chains.push_back(Chain());
      Into = &Chains.back();
    }
    Into->Tests.push_back(&C);
  }
  const SourceManager &SM = Ctx.AST.getSourceManager();
  const LangOptions &LO = Ctx.AST.getLangOpts();
  for (Chain &Ch : Chains) {
    const Comparison &First = *Ch.Tests.front();
    long Min = option(MR_OPTION_STRING_ENUM_MIN_LITERALS, First.Test->getBeginLoc());
    const auto *Member = dyn_cast<MemberExpr>(strip(First.Value));
    const FieldDecl *Field =
        Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
    if (Field)
      Field = Field->getCanonicalDecl();
    bool FieldCandidate = Field && fieldIsPure(Field);
    std::vector<std::string> Rough;
    for (const Comparison *C : Ch.Tests)
      addDistinct(Rough, normalised(*C));
    if ((long)Rough.size() < Min && !FieldCandidate)
      continue;
    // Only now: the function's parent map.
    const FunctionBody &Body = Ctx.Functions.body(*F);
    std::vector<const Comparison *> Tests;
    std::vector<TestUse> Uses;
    for (const Comparison *C : Ch.Tests) {
      TestUse Use = testUse(*C, Body);
      if (Use == TestUse::NotEquality)
        continue;
      Tests.push_back(C);
      Uses.push_back(Use);
      addDistinct(Ch.Distinct, normalised(*C));
    }
    if (Tests.empty())
      continue;
    if (FieldCandidate && !Compared.count(Field))
      Compared[Field] = Tests.front()->Test;
    if ((long)Ch.Distinct.size() < Min)
      continue;
    // Outside text being parsed: main, argv, optarg, input-like names.
    if (F->isMain() || namesInput(First.Value))
      continue;
    // A field of a library's record: its vocabulary is not the project's
    // to change.
    if (Field && SM.isInSystemHeader(SM.getExpansionLoc(Field->getLocation())))
      continue;
    const auto *Ref = dyn_cast<DeclRefExpr>(strip(First.Value));
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    bool Internal = FieldCandidate || isLiteralOnlyLocal(Var, *F, Ctx.AST);
    if (!Internal) {
      // Text of unknown origin: only a chain whose branches map it to
      // nothing (no constant, handler, return or jump) is not a parser.
      bool Parser = false;
      for (size_t I = 0; I < Tests.size() && !Parser; ++I)
        Parser = mapsToSomething(branchOf(*Tests[I], Uses[I], Body), Ctx.AST);
      if (Parser)
        continue;
    }
    // A field form 2 reports: the chain becomes a note there.
    if (FieldCandidate) {
      auto It = Facts.find(Field);
      std::vector<std::string> Stored;
      for (const Store &S : It->second.Stores)
        addDistinct(Stored, S.Literal->getString().str());
      if ((long)Stored.size() >=
              option(MR_OPTION_STRING_ENUM_MIN_LITERALS, Field->getLocation()) &&
          wants(Field->getLocation()))
        continue;
    }
    std::string Name = textOf(First.Value, SM, LO);
    if (Name.empty()) {
      if (Var)
        Name = Var->getName().str();
      else if (Field)
        Name = Field->getName().str();
      else
        Name = "the value";
    }
    std::string List;
    std::vector<std::string> Shown;
    for (const Comparison *C : Tests) {
      std::string N = normalised(*C);
      bool Dup = false;
      for (const std::string &S : Shown)
        Dup = Dup || S == N;
      if (Dup)
        continue;
      Shown.push_back(N);
      if (Shown.size() > 6)
        continue;
      if (!List.empty())
        List += ", ";
      List += quote(C->Literal->getString());
    }
    if (Shown.size() > 6)
      List += ", ...";
    Finding Out = finding(
        Tests.front()->Test->getBeginLoc(),
        "'" + Name + "' is compared with " + std::to_string(Ch.Distinct.size()) +
            " string literals (" + List +
            ") in this function; a fixed vocabulary is cheaper and safer as "
            "an enum");
    size_t Noted = 0;
    for (size_t I = 1; I < Tests.size(); ++I) {
      if (Noted == 3) {
        Out.Notes.push_back({Tests[I]->Test->getBeginLoc(),
                             "and " + std::to_string(Tests.size() - I) +
                                 (Tests.size() - I == 1 ? " more comparison"
                                                        : " more comparisons")});
        break;
      }
      Out.Notes.push_back({Tests[I]->Test->getBeginLoc(),
                           "compared with " + quote(Tests[I]->Literal->getString()) +
                               " here"});
      ++Noted;
    }
    Out.Owner = F;
    Ctx.Report.report(Out);
  }
}

void StringEnumCheck::judgeFields() {
  for (const FieldDecl *Field : Fields) {
    if (!fieldIsPure(Field) || !Compared.count(Field))
      continue;
    SourceLocation Loc = Field->getLocation();
    if (!wants(Loc))
      continue;
    const FieldFacts &F = Facts[Field];
    std::vector<std::string> Distinct;
    for (const Store &S : F.Stores)
      addDistinct(Distinct, S.Literal->getString().str());
    if ((long)Distinct.size() < option(MR_OPTION_STRING_ENUM_MIN_LITERALS, Loc))
      continue;
    std::string List;
    for (size_t I = 0; I < Distinct.size() && I < 6; ++I)
      List += (I ? ", " : "") + quote(Distinct[I]);
    if (Distinct.size() > 6)
      List += ", ...";
    Finding Out = finding(
        Loc, "field '" + Field->getName().str() +
                 "' only ever holds string literals in this file (" +
                 std::to_string(Distinct.size()) + ": " + List +
                 "); a fixed vocabulary is cheaper and safer as an enum");
    // Notes: where each distinct literal is first stored, then the first
    // comparison with a literal.
    std::vector<std::string> Noted;
    size_t Shown = 0;
    for (const Store &S : F.Stores) {
      std::string Text = S.Literal->getString().str();
      bool Dup = false;
      for (const std::string &N : Noted)
        Dup = Dup || N == Text;
      if (Dup)
        continue;
      Noted.push_back(Text);
      if (Shown == 3) {
        Out.Notes.push_back({S.Loc, "and " +
                                        std::to_string(Distinct.size() - 3) +
                                        (Distinct.size() == 4 ? " more literal"
                                                              : " more literals")});
        break;
      }
      Out.Notes.push_back({S.Loc, quote(Text) + " is stored here"});
      ++Shown;
    }
    Out.Notes.push_back({Compared[Field]->getBeginLoc(),
                         "'" + Field->getName().str() +
                             "' is compared with a string literal here"});
    Out.Owner = Field->getParent();
    Ctx.Report.report(Out);
  }
}

// The fields compared with a literal that may hold enough literals to be
// reported: every body that mentions one must be seen to know whether only
// literals are stored in it. The second pass is costly on a name used all
// over a TU (sqlite3's zName), so a field is followed up only if the stores
// already seen plus the `name = "..."` the tokens showed reach min-literals
// (an estimate: a conditional store is not counted, and a field it misses
// stays unreported, never misreported), and only if that costs at most
// MaxFollowUpBodies more bodies.
// At most this many more bodies walked to prove one field literal-only.
static constexpr size_t MaxFollowUpBodies = 32;

std::vector<std::string> StringEnumCheck::followUpNames(const TraversalPlan &Plan) {
  markTaintedFields();
  std::vector<std::string> Names;
  llvm::DenseSet<const FieldDecl *> Seen;
  const SourceManager &SM = Ctx.AST.getSourceManager();
  for (const auto &Entry : ByFunction)
    for (const Comparison &C : Entry.second) {
      const auto *Member = dyn_cast<MemberExpr>(strip(C.Value));
      const auto *Field =
          Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
      if (!Field || !Field->getIdentifier() ||
          !Seen.insert(Field->getCanonicalDecl()).second ||
          SM.isInSystemHeader(SM.getExpansionLoc(Field->getLocation())))
        continue;
      const FieldFacts &F = Facts[Field->getCanonicalDecl()];
      std::vector<std::string> Distinct;
      for (const Store &S : F.Stores)
        addDistinct(Distinct, S.Literal->getString().str());
      if (F.Tainted ||
          (long)(Distinct.size() + Plan.literalStores(Field->getName())) <
              option(MR_OPTION_STRING_ENUM_MIN_LITERALS, Field->getLocation()))
        continue;
      // A name in many bodies (sqlite3's zName is in hundreds) would cost
      // more to follow than the whole plugin may: the field stays unproven,
      // so unreported.
      std::vector<Decl *> Bodies;
      Plan.followUp({Field->getName().str()}, Bodies);
      if (Bodies.size() > MaxFollowUpBodies) {
        Facts[Field->getCanonicalDecl()].Tainted = true;
        continue;
      }
      Names.push_back(Field->getName().str());
    }
  return Names;
}

// A use of a field that is neither a read nor a literal store (address
// taken, ++, compound assignment, non-const method, non-const reference
// argument, unevaluated operand): the field is not a pure vocabulary.
void StringEnumCheck::markTaintedFields() {
  for (const MemberExpr *M : Members)
    if (!Accounted.count(M))
      if (const auto *Field = dyn_cast<FieldDecl>(M->getMemberDecl()))
        Facts[Field->getCanonicalDecl()].Tainted = true;
}

void StringEnumCheck::finishTranslationUnit() {
  markTaintedFields();
  for (const FunctionDecl *F : Functions)
    judgeFunction(F, ByFunction[F]);
  judgeFields();
}

} // namespace memrules
