#include "Consumer.h"

#include "Census.h"
#include "ReportSession.h"
#include "Reporter.h"
#include "Suppressions.h"
#include "SystemHeaders.h"
#include "TraversalPlan.h"
#include "../checks/Check.h"
#include "../checks/analysis/Wrappers.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclGroup.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Support/TimeProfiler.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace clang;

namespace memrules {
namespace {

class Consumer : public ASTConsumer {
public:
  Consumer(CompilerInstance &CI, std::unique_ptr<PolicyBinding> PolicyIn,
           std::unique_ptr<ReportSession> SessionIn, const Arguments &Args)
      : CI(CI), SM(CI.getSourceManager()),
        System(SystemHeaders::attach(CI.getPreprocessor())), Policy(std::move(PolicyIn)),
        Session(std::move(SessionIn)),
        Report(CI.getDiagnostics(), SM, *Policy, Args.Werror),
        Suppress(SM, [this](SourceLocation Loc, std::string Message) {
          Report.complain(Loc, Message);
        }),
        Functions(SM), Allocators(Policy->raw()),
        Ctx{CI.getASTContext(), Report, Functions, Allocators},
        Checks(createChecks(Policy->mainSettings(), Ctx)),
        Counts(Session && Session->writesReport() ? new Census(Ctx) : nullptr),
        Profile(Args.Profile), Finder(finderOptions()),
        Plan(CI.getPreprocessor(), triggersOf(Checks, Counts.get())) {
    Report.setSuppressions(&Suppress);
    if (Session)
      Report.setLog(&Session->log());
    if (Counts) {
      Counts->registerMatchers(Finder);
      if (Counts->walksEveryBody())
        Plan.walkEveryBody();
    }
    Suppress.attach(CI.getPreprocessor());
    System.onFileChange([this](bool InSystem) {
      Plan.lexingSystemHeader(InSystem);
      Suppress.lexingSystemHeader(InSystem);
    });
    Ctx.Plan = &Plan;
    for (auto &C : Checks) {
      C->registerMatchers(Finder);
      if (C->walksEveryBody())
        Plan.walkEveryBody();
      WatchCalls = WatchCalls || C->asksAddressTaken();
    }
    startLearning(triggersOf(Checks, Counts.get()), Args.PrintWrappers);
  }

  void HandleTagDeclDefinition(TagDecl *Tag) override {
    if (System.contains(Tag->getLocation()))
      return;
    for (auto &C : Checks)
      for (const std::string &Name : C->watchedNamesFor(*Tag))
        Plan.addWatched(Name);
    // C records are not walked (TraversalPlan.h): the checks see them here.
    if (const auto *Record = dyn_cast<RecordDecl>(Tag))
      if (!CI.getLangOpts().CPlusPlus)
        for (auto &C : Checks)
          C->onRecordDefinition(*Record);
  }

  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    for (Decl *D : Group) {
      if (System.contains(D->getLocation()))
        continue;
      Plan.addTopLevel(D);
      Functions.addTopLevel(D);
      // Only a function declared directly at file scope: the consumer sees
      // a namespace's functions after the whole namespace was parsed.
      if (WatchCalls)
        if (const auto *F = dyn_cast<FunctionDecl>(D))
          if (F->isFirstDecl())
            Plan.watchCalls(*F);
      if (Learns)
        if (const auto *F = dyn_cast<FunctionDecl>(D))
          learn(*F);
    }
    return true;
  }

  void HandleTranslationUnit(ASTContext &AST) override {
    // Parsing is over: nothing may call back into this consumer any more.
    Suppress.detach(CI.getPreprocessor());
    Plan.stopWatching();
    // Broken code gets no findings: the AST after an error is a guess, and
    // the user has the compiler's error to fix first.
    if (CI.getDiagnostics().hasUncompilableErrorOccurred())
      return;
    llvm::TimeTraceScope Trace("memrules");
    llvm::TimeRecord Start = llvm::TimeRecord::getCurrentTime(true);
    runChecks(AST);
    Report.reportUnusedSuppressions();
    double Seconds =
        llvm::TimeRecord::getCurrentTime(false).getWallTime() - Start.getWallTime();
    if (Profile)
      printProfile(Seconds);
    if (Counts)
      Session->finish(*Counts, Seconds * 1000, Profile ? &Times : nullptr);
    if (PrintWrappers)
      printWrapperPolicy(Allocators,
                         SM.getFileEntryRefForID(SM.getMainFileID())->getName(),
                         llvm::errs());
  }

private:
  // The allocator model learns from the project's functions while the
  // parser runs (Allocators.h, Wrappers.h) when a check starts from
  // allocators or releasers, or the wrappers are to be printed. Learned
  // names become triggers as they are learned; a function that could turn
  // out to be a wrapper is recorded from its first declaration, so the
  // bodies calling it before its definition are walked too.
  void startLearning(const std::vector<std::string> &Triggers, bool Print) {
    for (const std::string &Name : Triggers) {
      TriggersOnAllocators = TriggersOnAllocators || Allocators.isNamedAllocator(Name);
      TriggersOnReleasers = TriggersOnReleasers || Allocators.isNamedReleaser(Name);
    }
    PrintWrappers = Print;
    Learns = TriggersOnAllocators || TriggersOnReleasers || Print;
    if (!Learns)
      return;
    for (const std::string &Name : Allocators.allocatorNames())
      Plan.addCandidate(Name);
    for (const std::string &Name : Allocators.releaserNames())
      Plan.addCandidate(Name);
  }

  // A pointer comes back, or goes in: the shapes of allocators and
  // releasers.
  static bool mayWrap(const FunctionDecl &F) {
    if (F.getReturnType()->isPointerType())
      return true;
    for (const ParmVarDecl *Param : F.parameters())
      if (Param->getType()->isPointerType())
        return true;
    return false;
  }

  void learn(const FunctionDecl &F) {
    if (!F.getIdentifier() || isa<CXXMethodDecl>(&F))
      return;
    if (Allocators.learnAttributes(F))
      learned(F);
    if (F.isFirstDecl() && mayWrap(F))
      Plan.addCandidate(F.getName());
    if (!F.doesThisDeclarationHaveABody())
      return;
    llvm::SmallVector<const IdentifierInfo *, 8> Names;
    Plan.namesIn(F, Names);
    for (const IdentifierInfo *Name : Names)
      if (Allocators.isNamedAllocator(Name->getName()) ||
          Allocators.isNamedReleaser(Name->getName()) || Learned.count(Name)) {
        if (inferWrapper(F, Allocators, Functions, CI.getASTContext()))
          learned(F);
        return;
      }
  }

  // A learned releaser is a trigger only when no allocator is: the rules
  // that look at releases judge blocks whose allocation is in the same body,
  // already walked for its allocator; walking every caller of every
  // destructor (sqlite3.c has dozens) would cost time for nothing.
  void learned(const FunctionDecl &F) {
    if (!Learned.insert(F.getIdentifier()).second)
      return;
    bool Trigger = Allocators.allocates(F) ? TriggersOnAllocators
                                           : TriggersOnReleasers && !TriggersOnAllocators;
    if (Trigger)
      Plan.addTrigger(F.getName());
    else
      Plan.addCandidate(F.getName()); // to find the wrappers of this one
  }

  static std::vector<std::string>
  triggersOf(const std::vector<std::unique_ptr<Check>> &Checks, const Census *Counts) {
    std::vector<std::string> Names;
    if (Counts)
      Names = Counts->triggers();
    for (const auto &C : Checks)
      for (std::string &Name : C->triggers())
        Names.push_back(std::move(Name));
    return Names;
  }

  ast_matchers::MatchFinder::MatchFinderOptions finderOptions() {
    ast_matchers::MatchFinder::MatchFinderOptions Options;
    if (Profile)
      Options.CheckProfiling.emplace(Times);
    return Options;
  }

  // Matching and judging time per rule, as the MatchFinder measured it;
  // the rest of the total is planning and end-of-TU judgement.
  void printProfile(double TotalSeconds) {
    llvm::raw_ostream &OS = llvm::errs();
    OS << "memrules profile: " << SM.getFileEntryRefForID(SM.getMainFileID())->getName()
       << ": " << llvm::format("%.2f", TotalSeconds * 1000)
       << " ms after parsing\n";
    std::vector<std::pair<std::string, double>> Rows;
    for (const auto &Entry : Times)
      Rows.push_back({Entry.getKey().str(), Entry.getValue().getWallTime()});
    std::sort(Rows.begin(), Rows.end(),
              [](const auto &A, const auto &B) { return A.second > B.second; });
    for (const auto &Row : Rows)
      OS << llvm::format("  %-22s %8.2f ms\n", Row.first.c_str(), Row.second * 1000);
  }

  void runChecks(ASTContext &AST) {
    if (Checks.empty() && !Counts)
      return;
    // Only the project's own declarations (system headers, all of libstdc++
    // in a C++ TU, are never walked), and of those only what the plan says.
    std::vector<Decl *> Traverse, MatchAlone;
    Plan.plan(Traverse, MatchAlone);
    for (Decl *D : MatchAlone)
      Finder.match(*D, AST);
    AST.setTraversalScope(Traverse);
    Finder.matchAST(AST); // ends with the checks' onEndOfTranslationUnit()
    followUp(AST);
    AST.setTraversalScope({AST.getTranslationUnitDecl()});
    for (auto &C : Checks)
      C->finishTranslationUnit();
  }

  // The second pass, for checks that learned in the first which names they
  // need (Check::followUpNames): only the bodies the first pass skipped that
  // mention them, only with those checks' follow-up matchers.
  void followUp(ASTContext &AST) {
    std::vector<Check *> Asking;
    std::vector<std::string> Names;
    for (auto &C : Checks) {
      std::vector<std::string> More = C->followUpNames(Plan);
      if (More.empty())
        continue;
      Asking.push_back(C.get());
      Names.insert(Names.end(), More.begin(), More.end());
    }
    std::vector<Decl *> Bodies;
    if (!Asking.empty())
      Plan.followUp(Names, Bodies);
    if (Bodies.empty())
      return;
    llvm::StringMap<llvm::TimeRecord> SecondTimes;
    ast_matchers::MatchFinder::MatchFinderOptions Options;
    if (Profile)
      Options.CheckProfiling.emplace(SecondTimes);
    ast_matchers::MatchFinder Second(Options);
    for (Check *C : Asking)
      C->registerFollowUpMatchers(Second);
    AST.setTraversalScope(Bodies);
    Second.matchAST(AST);
    for (const auto &Entry : SecondTimes)
      Times[Entry.getKey()] += Entry.getValue();
  }

  CompilerInstance &CI;
  SourceManager &SM;
  SystemHeaders &System; // owned by the preprocessor
  std::unique_ptr<PolicyBinding> Policy;
  std::unique_ptr<ReportSession> Session; // null: no report, no baseline
  Reporter Report;
  Suppressions Suppress;
  FunctionIndex Functions;
  AllocatorModel Allocators;
  CheckContext Ctx;
  std::vector<std::unique_ptr<Check>> Checks;
  std::unique_ptr<Census> Counts; // only when a report is written
  bool Profile;
  bool WatchCalls = false;
  bool Learns = false, TriggersOnAllocators = false, TriggersOnReleasers = false,
       PrintWrappers = false;
  llvm::SmallPtrSet<const IdentifierInfo *, 16> Learned;
  llvm::StringMap<llvm::TimeRecord> Times;
  ast_matchers::MatchFinder Finder;
  TraversalPlan Plan;
};

} // namespace

std::unique_ptr<ASTConsumer> createConsumer(CompilerInstance &CI,
                                            std::unique_ptr<PolicyBinding> Policy,
                                            const Arguments &Args) {
  bool Failed = false;
  std::unique_ptr<ReportSession> Session =
      ReportSession::create(CI, *Policy, Args, Failed);
  if (Failed)
    return std::make_unique<ASTConsumer>(); // the error is already reported
  return std::make_unique<Consumer>(CI, std::move(Policy), std::move(Session), Args);
}

} // namespace memrules
