#include "BannedAlloc.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {

std::vector<std::string> BannedAllocCheck::bannedNames() const {
  const mr_option_list *Banned =
      Ctx.Report.settingsAt(SourceLocation())->list[MR_OPTION_BANNED_ALLOC_FUNCTIONS];
  std::vector<std::string> Names;
  for (size_t I = 0; I < mr_option_list_count(Banned); ++I)
    Names.push_back(mr_option_list_name(Banned, I));
  return Names;
}

void BannedAllocCheck::registerMatchers(MatchFinder &Finder) {
  std::vector<std::string> Names = bannedNames();
  if (Names.empty())
    return; // "off until the policy lists functions"
  std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  // A call's callee and `&malloc` / `alloc_fn = malloc` are all references.
  Finder.addMatcher(declRefExpr(to(functionDecl(hasAnyName(NameRefs),
                                              unless(cxxMethodDecl()))
                                     .bind("fn")),
                                unless(isExpansionInSystemHeader()))
                        .bind("ref"),
                    this);
}

void BannedAllocCheck::run(const MatchFinder::MatchResult &Result) {
  const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref");
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!Seen.insert(Ref).second)
    return;
  SourceLocation Loc = Ref->getBeginLoc();
  const mr_settings *Settings = Ctx.Report.settingsAt(Loc);
  if (!Settings || !wants(Loc))
    return;
  // The list of the file the reference is in, and its exemptions.
  const mr_option_list *Banned = Settings->list[MR_OPTION_BANNED_ALLOC_FUNCTIONS];
  const SourceManager &SM = Ctx.AST.getSourceManager();
  StringRef File = SM.getFilename(SM.getExpansionLoc(Loc));
  if (mr_option_list_matches_path(Settings->list[MR_OPTION_BANNED_ALLOC_ALLOW_IN],
                                  File.str().c_str()))
    return;
  std::string Name = Fn->getNameAsString();
  for (size_t I = 0; I < mr_option_list_count(Banned); ++I) {
    if (Name != mr_option_list_name(Banned, I))
      continue;
    std::string Advice = mr_option_list_text(Banned, I);
    Finding F = finding(Loc, "'" + Name + "' is banned in this project" +
                                 (Advice.empty() ? "" : ": " + Advice));
    F.Owner = Ctx.Functions.enclosing(Loc);
    Ctx.Report.report(F);
    return;
  }
}

} // namespace memrules
