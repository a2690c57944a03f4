// The shape of every check, modelled on clang-tidy's: a check registers
// narrow AST matchers (by callee name or declaration type first), then judges
// each match, asking the shared analyses only about candidates.
#ifndef MEMRULES_CHECKS_CHECK_H
#define MEMRULES_CHECKS_CHECK_H

#include "../plugin/Finding.h"
#include "../plugin/Reporter.h"
#include "analysis/Allocators.h"
#include "analysis/FunctionIndex.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

#include <memory>
#include <vector>

namespace memrules {

class TraversalPlan;

// What every check can use: the AST, where to report, the function index and
// the allocator model. One per translation unit.
struct CheckContext {
  clang::ASTContext &AST;
  Reporter &Report;
  FunctionIndex &Functions;
  const AllocatorModel &Allocators;
  // What the tokens showed (set once the plan exists, before parsing).
  const TraversalPlan *Plan = nullptr;
};

class Check : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  Check(mr_rule_id Rule, CheckContext &Ctx) : Rule(Rule), Ctx(Ctx) {}

  virtual void registerMatchers(clang::ast_matchers::MatchFinder &Finder) = 0;
  // Identifiers (callee names, or keywords such as `new`) without which a
  // function cannot hold a finding of this check: function bodies that
  // contain none of any check's triggers are never walked
  // (plugin/TraversalPlan.h). Declarations outside function bodies are
  // always matched.
  virtual std::vector<std::string> triggers() const { return {}; }
  // Names learned from a record definition of the project's own files (its
  // fields, say) whose mentions are recorded but do not make a body walked.
  // Clang requires a record to be complete before its members are used, so
  // every later use of those names is seen.
  virtual std::vector<std::string>
  watchedNamesFor(const clang::TagDecl &Tag) const {
    return {};
  }
  // C: a record definition of the project's own files, as the parser
  // completes it (nested and local ones too). C records are not walked by
  // the matchers, whose walk of every field's type costs more than the
  // checks that look at records do (TraversalPlan.h): those checks look at
  // the records, and their fields, here.
  virtual void onRecordDefinition(const clang::RecordDecl &Record) {}
  // After the first pass: the watched names whose bodies this check still
  // needs to see. Those bodies (the ones the first pass did not walk) are
  // walked with the matchers registerFollowUpMatchers() adds, and then
  // finishTranslationUnit() is called.
  virtual std::vector<std::string> followUpNames(const TraversalPlan &Plan) {
    return {};
  }
  virtual void registerFollowUpMatchers(clang::ast_matchers::MatchFinder &Finder) {}
  virtual void finishTranslationUnit() {}
  // Whether the check asks which functions have their address taken: the
  // plan then watches, from their first declaration at file scope, whether
  // their names are ever followed by anything but `(`
  // (TraversalPlan::watchCalls), which spares a walk of the whole TU.
  virtual bool asksAddressTaken() const { return false; }
  // For checks whose findings need no identifier at all (C++ `s == "x"`):
  // every function body is walked while such a check runs. Costly; say why.
  virtual bool walksEveryBody() const { return false; }
  // Checks that judge the TU as a whole override MatchCallback's
  // onEndOfTranslationUnit(), which the MatchFinder calls after matching.

  mr_rule_id rule() const { return Rule; }
  // The MatchFinder's profiling files each check's time under this name.
  llvm::StringRef getID() const override { return mr_rules[Rule].id; }

protected:
  bool wants(clang::SourceLocation Loc) { return Ctx.Report.wants(Rule, Loc); }
  long option(mr_option_id Option, clang::SourceLocation Loc) {
    return Ctx.Report.option(Option, Loc);
  }
  Finding finding(clang::SourceLocation Loc, std::string Message) {
    Finding F;
    F.Rule = Rule;
    F.Loc = Loc;
    F.Message = std::move(Message);
    return F;
  }

  const mr_rule_id Rule;
  CheckContext &Ctx;
};

// One check per rule the policy enables for the main file.
std::vector<std::unique_ptr<Check>> createChecks(const mr_settings &Settings,
                                                 CheckContext &Ctx);

} // namespace memrules

#endif
