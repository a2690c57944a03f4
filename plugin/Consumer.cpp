#include "Consumer.h"

#include "Reporter.h"
#include "Suppressions.h"
#include "../checks/Check.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclGroup.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Support/TimeProfiler.h"

using namespace clang;

namespace memrules {
namespace {

class Consumer : public ASTConsumer {
public:
  Consumer(CompilerInstance &CI, std::unique_ptr<PolicyBinding> PolicyIn,
           const Arguments &Args)
      : CI(CI), SM(CI.getSourceManager()), Policy(std::move(PolicyIn)),
        Report(CI.getDiagnostics(), SM, *Policy, Args.Werror),
        Suppress(SM, [this](SourceLocation Loc, std::string Message) {
          Report.complain(Loc, Message);
        }),
        Functions(SM), Allocators(Policy->raw()) {
    Report.setSuppressions(&Suppress);
    CI.getPreprocessor().addCommentHandler(&Suppress);
  }

  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    for (Decl *D : Group) {
      if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
        continue;
      OwnDecls.push_back(D);
      Functions.addTopLevel(D);
    }
    return true;
  }

  void HandleTranslationUnit(ASTContext &AST) override {
    CI.getPreprocessor().removeCommentHandler(&Suppress);
    // Broken code gets no findings: the AST after an error is a guess, and
    // the user has the compiler's error to fix first.
    if (CI.getDiagnostics().hasUncompilableErrorOccurred())
      return;
    llvm::TimeTraceScope Trace("memrules");
    runChecks(AST);
    Report.reportUnusedSuppressions();
  }

private:
  void runChecks(ASTContext &AST) {
    CheckContext Ctx{AST, Report, Functions, Allocators};
    std::vector<std::unique_ptr<Check>> Checks =
        createChecks(Policy->mainSettings(), Ctx);
    if (Checks.empty())
      return;
    ast_matchers::MatchFinder Finder;
    for (auto &C : Checks)
      C->registerMatchers(Finder);
    // Match only the project's own declarations: system headers (all of
    // libstdc++ in a C++ TU) are never traversed.
    AST.setTraversalScope(OwnDecls);
    Finder.matchAST(AST);
    AST.setTraversalScope({AST.getTranslationUnitDecl()});
    for (auto &C : Checks)
      C->onEndOfTranslationUnit();
  }

  CompilerInstance &CI;
  SourceManager &SM;
  std::unique_ptr<PolicyBinding> Policy;
  Reporter Report;
  Suppressions Suppress;
  FunctionIndex Functions;
  AllocatorModel Allocators;
  std::vector<Decl *> OwnDecls;
};

} // namespace

std::unique_ptr<ASTConsumer> createConsumer(CompilerInstance &CI,
                                            std::unique_ptr<PolicyBinding> Policy,
                                            const Arguments &Args) {
  return std::make_unique<Consumer>(CI, std::move(Policy), Args);
}

} // namespace memrules
