#include "FormatAlloc.h"

#include "analysis/VarUses.h"

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

// `!p`, `p == NULL`, `p != 0`, or p alone as a condition: a test, not a use
// of the text.
bool isNullTest(const DeclRefExpr &Ref, const FunctionBody &Body) {
  const Stmt *Parent = Body.parentIgnoringParenCasts(&Ref);
  const Expr *Test = nullptr;
  if (isa_and_nonnull<UnaryOperator>(Parent) || isa_and_nonnull<BinaryOperator>(Parent))
    Test = cast<Expr>(Parent);
  else if (const auto *If = dyn_cast_or_null<IfStmt>(Parent))
    Test = If->getCond();
  else if (const auto *Choice = dyn_cast_or_null<ConditionalOperator>(Parent))
    Test = Choice->getCond();
  return nullTest(Test, *cast<VarDecl>(Ref.getDecl()),
                  Body.function().getASTContext()) != 0;
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

std::vector<std::string> FormatAllocCheck::triggers() const {
  std::vector<std::string> Names = {"asprintf", "vasprintf", "snprintf",
                                    "sprintf",  "vsnprintf", "vsprintf"};
  if (Ctx.AST.getLangOpts().CPlusPlus)
    for (const char *Name : {"format", "to_string", "string"})
      Names.push_back(Name);
  return Names;
}

void FormatAllocCheck::registerMatchers(MatchFinder &Finder) {
  auto LocalBuffer = varDecl(hasLocalStorage(), hasType(pointerType())).bind("buffer");
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasAnyName("asprintf", "vasprintf"))),
               hasArgument(0, unaryOperator(hasOperatorName("&"),
                                            hasUnaryOperand(ignoringParenImpCasts(
                                                declRefExpr(to(LocalBuffer)))))),
               unless(isExpansionInSystemHeader()))
          .bind("asprintf"),
      this);
  Finder.addMatcher(
      callExpr(callee(functionDecl(
                   hasAnyName("snprintf", "sprintf", "vsnprintf", "vsprintf"))),
               hasArgument(0, ignoringParenImpCasts(declRefExpr(to(LocalBuffer)))),
               unless(isExpansionInSystemHeader()))
          .bind("print"),
      this);
  if (Ctx.AST.getLangOpts().CPlusPlus)
    Finder.addMatcher(
        varDecl(hasLocalStorage(), hasInitializer(expr()),
                hasType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
                    classTemplateSpecializationDecl(hasName("::std::basic_string")))))),
                unless(isExpansionInSystemHeader()))
            .bind("string"),
        this);
}

void FormatAllocCheck::run(const MatchFinder::MatchResult &Result) {
  if (const auto *String = Result.Nodes.getNodeAs<VarDecl>("string")) {
    judgeCxxString(*String);
    return;
  }
  const auto *Buffer = Result.Nodes.getNodeAs<VarDecl>("buffer");
  if (const auto *Asprintf = Result.Nodes.getNodeAs<CallExpr>("asprintf")) {
    // asprintf allocates: the buffer must hold nothing before it.
    const Expr *Init = Buffer->getInit();
    if (!Init || Init->isNullPointerConstant(Ctx.AST, Expr::NPC_ValueDependentIsNotNull))
      judgeFormatted(*Asprintf, *Buffer, *Asprintf);
    return;
  }
  const auto *Print = Result.Nodes.getNodeAs<CallExpr>("print");
  // malloc + snprintf: the buffer is initialised by a libc allocation.
  const Expr *Init = Buffer->getInit() ? ignoreCastsAndCleanups(Buffer->getInit()) : nullptr;
  const auto *Allocation = dyn_cast_or_null<CallExpr>(Init);
  const AllocatorFamily *Family =
      Allocation ? Ctx.Allocators.allocation(*Allocation) : nullptr;
  if (Family && Family->Name == "libc")
    judgeFormatted(*Print, *Buffer, *Allocation);
}

bool FormatAllocCheck::isOutputFunction(const FunctionDecl &F) const {
  for (const char *Name : OutputFunctions)
    if (isLibcNamed(F, Name))
      return true;
  return F.getIdentifier() && (Ctx.Report.isLogFunction(F.getName()) ||
                               Ctx.Report.isLogFunction(F.getQualifiedNameAsString()));
}

// Every use of Buffer besides its formatting must be a null test, strlen,
// the single output call, or its release; otherwise the text has another job.
void FormatAllocCheck::judgeFormatted(const CallExpr &Format, const VarDecl &Buffer,
                                      const Expr &Allocation) {
  if (!wants(Allocation.getBeginLoc()))
    return;
  const FunctionBody *Body = Ctx.Functions.bodyAround(Format);
  if (!Body || !Body->function().getBody())
    return;
  const CallExpr *Output = nullptr;
  const CallExpr *Release = nullptr;
  for (const VarUse &Use : findUses(Buffer, *Body->function().getBody(), *Body)) {
    if (Body->isWithin(Use.Ref, &Format))
      continue;
    if (Use.Kind == UseKind::Read && isNullTest(*Use.Ref, *Body))
      continue;
    if (Use.Kind != UseKind::PassedToCall)
      return; // stored, returned, changed, read character by character...
    const FunctionDecl *Callee = Use.Call->getDirectCallee();
    if (!Callee)
      return;
    if (isLibcNamed(*Callee, "strlen"))
      continue;
    if (isLibcNamed(*Callee, "free")) {
      Release = Release ? Release : Use.Call;
      continue;
    }
    if (Output || !isOutputFunction(*Callee))
      return; // printed twice (formatting twice is no saving), or kept
    Output = Use.Call;
  }
  if (!Output || !Release)
    return;
  // Formatted, printed, freed, in that order, and printed as often as made.
  const SourceManager &SM = Ctx.AST.getSourceManager();
  if (!SM.isBeforeInTranslationUnit(Format.getBeginLoc(), Output->getBeginLoc()) ||
      !SM.isBeforeInTranslationUnit(Output->getBeginLoc(), Release->getBeginLoc()) ||
      Body->innermostLoop(Output) != Body->innermostLoop(&Format))
    return;
  const FunctionDecl *Printer = Output->getDirectCallee();
  Finding F = finding(
      Allocation.getBeginLoc(),
      "'" + Buffer.getNameAsString() + "' is formatted into a heap buffer only to be "
      "passed to " + Printer->getNameAsString() + " once and freed; format directly " +
      "into the output instead of allocating");
  if (&Allocation != &Format)
    F.Notes.push_back({Format.getBeginLoc(), "formatted here"});
  F.Notes.push_back({Output->getBeginLoc(), "its only use: printed here"});
  F.Notes.push_back({Release->getBeginLoc(), "freed here"});
  F.Owner = &Body->function();
  F.InLoop = Body->innermostLoop(&Allocation) != nullptr;
  Ctx.Report.report(F);
}

// A local std::string from std::format, std::to_string or `+`, referred to
// once: written to a std::ostream or passed to a log function.
void FormatAllocCheck::judgeCxxString(const VarDecl &String) {
  const Expr *Source = stringSource(String.getInit());
  if (!Source || !wants(Source->getBeginLoc()) || String.isStaticLocal())
    return;
  const FunctionBody *Body = Ctx.Functions.bodyAround(*Source);
  if (!Body)
    return;
  const std::vector<const DeclRefExpr *> &Refs = Body->references(String);
  if (Refs.size() != 1)
    return;
  const DeclRefExpr *Use = Refs.front();
  const Stmt *Parent = Body->parentIgnoringParenCasts(Use);
  const char *Into = nullptr;
  if (const auto *Shift = dyn_cast_or_null<CXXOperatorCallExpr>(Parent)) {
    if (Shift->getOperator() == OO_LessLess && Shift->getNumArgs() == 2 &&
        Shift->getArg(1)->IgnoreParenImpCasts() == Use && isOstream(Shift->getArg(0)->getType()))
      Into = "written to a stream";
  } else if (const auto *Call = dyn_cast_or_null<CallExpr>(Parent)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() && isOutputFunction(*Callee) &&
        !isLibcDeclaration(*Callee))
      Into = "passed to a log function";
  }
  if (!Into || Body->innermostLoop(Use) != Body->innermostLoop(Source))
    return;
  Finding F = finding(
      Source->getBeginLoc(),
      "'" + String.getNameAsString() + "' is a std::string built only to be " + Into +
      " once; write the parts (or std::format_to the output) directly instead of "
      "building a temporary string");
  F.Notes.push_back({Use->getLocation(), "its only use"});
  F.Owner = &Body->function();
  F.InLoop = Body->innermostLoop(Source) != nullptr;
  Ctx.Report.report(F);
}

} // namespace memrules
