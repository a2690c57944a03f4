#include "OutputStrings.h"

#include "VarUses.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {
namespace {

// libc's printing functions (RULES.md: "printf family, fputs, puts, syslog").
// The policy's `log-functions` add the project's own.
const char *const OutputFunctions[] = {"printf", "fprintf", "dprintf", "puts",
                                       "fputs",  "syslog",  "warn",    "warnx"};

bool isLibcNamed(const FunctionDecl &F, StringRef Name) {
  return F.getIdentifier() && F.getName() == Name && isLibcDeclaration(F);
}

// The string std::format / std::to_string / `a + b` made, under the
// temporaries and conversions that initialise a local from it.
const Expr *stringSource(const Expr *Init) {
  const Expr *E = Init->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() == 1)
      E = Construct->getArg(0)->IgnoreImplicit();
  if (const auto *Plus = dyn_cast<CXXOperatorCallExpr>(E))
    return Plus->getOperator() == OO_Plus ? E : nullptr;
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() || !Callee->isInStdNamespace())
    return nullptr;
  return Callee->getName() == "format" || Callee->getName() == "to_string" ? E
                                                                          : nullptr;
}

bool isOstream(QualType T) {
  const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  auto IsBasicOstream = [](const CXXRecordDecl *R) {
    return R->getIdentifier() && R->getName() == "basic_ostream" &&
           R->isInStdNamespace();
  };
  if (IsBasicOstream(Record))
    return true;
  return !Record->forallBases(
      [&IsBasicOstream](const CXXRecordDecl *Base) { return !IsBasicOstream(Base); });
}

} // namespace

std::vector<std::string> OutputStrings::triggers(bool CPlusPlus) {
  std::vector<std::string> Names = {"asprintf", "vasprintf", "snprintf",
                                    "sprintf",  "vsnprintf", "vsprintf"};
  if (CPlusPlus)
    for (const char *Name : {"format", "to_string", "string"})
      Names.push_back(Name);
  return Names;
}

void OutputStrings::addMatchers(MatchFinder &Finder, MatchFinder::MatchCallback *Callback,
                                bool CPlusPlus) {
  auto LocalBuffer = varDecl(hasLocalStorage(), hasType(pointerType())).bind("buffer");
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName("asprintf", "vasprintf"))),
               hasArgument(0, unaryOperator(hasOperatorName("&"),
                                            hasUnaryOperand(ignoringParenImpCasts(
                                                declRefExpr(to(LocalBuffer)))))),
               unless(isExpansionInSystemHeader()))
          .bind("asprintf"),
      Callback);
  Finder.addMatcher(
      callExpr(callee(functionDecl(
                   hasAnyName("snprintf", "sprintf", "vsnprintf", "vsprintf"))),
               hasArgument(0, ignoringParenImpCasts(declRefExpr(to(LocalBuffer)))),
               unless(isExpansionInSystemHeader()))
          .bind("print"),
      Callback);
  if (CPlusPlus)
    Finder.addMatcher(
        varDecl(hasLocalStorage(), hasInitializer(expr()),
                hasType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
                    classTemplateSpecializationDecl(hasName("::std::basic_string")))))),
                unless(isExpansionInSystemHeader()))
            .bind("string"),
        Callback);
}

bool OutputStrings::isCandidate(const MatchFinder::MatchResult &Result) {
  return Result.Nodes.getNodeAs<VarDecl>("string") ||
         Result.Nodes.getNodeAs<CallExpr>("asprintf") ||
         Result.Nodes.getNodeAs<CallExpr>("print");
}

std::optional<OutputString>
OutputStrings::judge(const MatchFinder::MatchResult &Result) const {
  if (const auto *String = Result.Nodes.getNodeAs<VarDecl>("string"))
    return judgeCxxString(*String);
  const auto *Buffer = Result.Nodes.getNodeAs<VarDecl>("buffer");
  ASTContext &AST = *Result.Context;
  if (const auto *Asprintf = Result.Nodes.getNodeAs<CallExpr>("asprintf")) {
    // asprintf allocates: the buffer must hold nothing before it.
    const Expr *Init = Buffer->getInit();
    if (Init && !Init->isNullPointerConstant(AST, Expr::NPC_ValueDependentIsNotNull))
      return std::nullopt;
    return judgeFormatted(*Asprintf, *Buffer, *Asprintf);
  }
  const auto *Print = Result.Nodes.getNodeAs<CallExpr>("print");
  // malloc + snprintf: the buffer is initialised by a libc allocation.
  const Expr *Init = Buffer->getInit() ? ignoreCastsAndCleanups(Buffer->getInit()) : nullptr;
  const auto *Allocation = dyn_cast_or_null<CallExpr>(Init);
  const AllocatorFamily *Family = Allocation ? Allocators.allocation(*Allocation) : nullptr;
  if (!Family || Family->Name != "libc")
    return std::nullopt;
  return judgeFormatted(*Print, *Buffer, *Allocation);
}

bool OutputStrings::isOutputFunction(const FunctionDecl &F) const {
  for (const char *Name : OutputFunctions)
    if (isLibcNamed(F, Name))
      return true;
  return F.getIdentifier() &&
         (IsLogFunction(F.getName()) || IsLogFunction(F.getQualifiedNameAsString()));
}

// Every use of Buffer besides its formatting must be a null test, strlen,
// the single output call, or its release; otherwise the text has another job.
std::optional<OutputString>
OutputStrings::judgeFormatted(const CallExpr &Format, const VarDecl &Buffer,
                              const Expr &Allocation) const {
  const FunctionBody *Body = Functions.bodyAround(Format);
  if (!Body || !Body->function().getBody())
    return std::nullopt;
  OutputString Found{&Allocation, &Buffer, Body};
  Found.Format = &Format;
  for (const VarUse &Use : findUses(Buffer, *Body->function().getBody(), *Body)) {
    if (Body->isWithin(Use.Ref, &Format))
      continue;
    if (Use.Kind == UseKind::Read && isNullTestOperand(*Use.Ref, *Body))
      continue;
    if (Use.Kind != UseKind::PassedToCall)
      return std::nullopt; // stored, returned, changed, read character by character...
    const FunctionDecl *Callee = Use.Call->getDirectCallee();
    if (!Callee)
      return std::nullopt;
    if (isLibcNamed(*Callee, "strlen"))
      continue;
    if (isLibcNamed(*Callee, "free")) {
      Found.Release = Found.Release ? Found.Release : Use.Call;
      continue;
    }
    if (Found.Output || !isOutputFunction(*Callee))
      return std::nullopt; // printed twice (formatting twice is no saving), or kept
    Found.Output = Use.Call;
  }
  if (!Found.Output || !Found.Release)
    return std::nullopt;
  // Formatted, printed, freed, in that order, and printed as often as made.
  const SourceManager &SM = Body->function().getASTContext().getSourceManager();
  if (!SM.isBeforeInTranslationUnit(Format.getBeginLoc(), Found.Output->getBeginLoc()) ||
      !SM.isBeforeInTranslationUnit(Found.Output->getBeginLoc(),
                                    Found.Release->getBeginLoc()) ||
      Body->innermostLoop(Found.Output) != Body->innermostLoop(&Format))
    return std::nullopt;
  return Found;
}

// A local std::string from std::format, std::to_string or `+`, referred to
// once: written to a std::ostream or passed to a log function.
std::optional<OutputString> OutputStrings::judgeCxxString(const VarDecl &String) const {
  const Expr *Source = stringSource(String.getInit());
  if (!Source || String.isStaticLocal())
    return std::nullopt;
  const FunctionBody *Body = Functions.bodyAround(*Source);
  if (!Body)
    return std::nullopt;
  const std::vector<const DeclRefExpr *> &Refs = Body->references(String);
  if (Refs.size() != 1)
    return std::nullopt;
  OutputString Found{Source, &String, Body};
  Found.Use = Refs.front();
  const Stmt *Parent = Body->parentIgnoringParenCasts(Found.Use);
  if (const auto *Shift = dyn_cast_or_null<CXXOperatorCallExpr>(Parent)) {
    if (Shift->getOperator() == OO_LessLess && Shift->getNumArgs() == 2 &&
        Shift->getArg(1)->IgnoreParenImpCasts() == Found.Use &&
        isOstream(Shift->getArg(0)->getType()))
      Found.Into = "written to a stream";
  } else if (const auto *Call = dyn_cast_or_null<CallExpr>(Parent)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() && isOutputFunction(*Callee) &&
        !isLibcDeclaration(*Callee))
      Found.Into = "passed to a log function";
  }
  if (!Found.Into || Body->innermostLoop(Found.Use) != Body->innermostLoop(Source))
    return std::nullopt;
  return Found;
}

} // namespace memrules
