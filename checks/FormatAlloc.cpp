#include "FormatAlloc.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {

FormatAllocCheck::FormatAllocCheck(CheckContext &Ctx)
    : Check(MR_RULE_FORMAT_ALLOC, Ctx),
      Strings(Ctx.Allocators, Ctx.Functions,
              [&Ctx](llvm::StringRef Name) { return Ctx.Report.isLogFunction(Name); }) {}

std::vector<std::string> FormatAllocCheck::triggers() const {
  return OutputStrings::triggers(Ctx.AST.getLangOpts().CPlusPlus);
}

void FormatAllocCheck::registerMatchers(MatchFinder &Finder) {
  OutputStrings::addMatchers(Finder, this, Ctx.AST.getLangOpts().CPlusPlus);
}

void FormatAllocCheck::run(const MatchFinder::MatchResult &Result) {
  std::optional<OutputString> Found = Strings.judge(Result);
  if (!Found || !wants(Found->Allocation->getBeginLoc()))
    return;
  const std::string Name = Found->Var->getNameAsString();
  Finding F;
  if (Found->Output) {
    F = finding(Found->Allocation->getBeginLoc(),
                "'" + Name + "' is formatted into a heap buffer only to be passed to " +
                    Found->Output->getDirectCallee()->getNameAsString() +
                    " once and freed; format directly into the output instead of "
                    "allocating");
    if (Found->Allocation != Found->Format)
      F.Notes.push_back({Found->Format->getBeginLoc(), "formatted here"});
    F.Notes.push_back({Found->Output->getBeginLoc(), "its only use: printed here"});
    F.Notes.push_back({Found->Release->getBeginLoc(), "freed here"});
  } else {
    F = finding(Found->Allocation->getBeginLoc(),
                "'" + Name + "' is a std::string built only to be " + Found->Into +
                    " once; write the parts (or std::format_to the output) directly "
                    "instead of building a temporary string");
    F.Notes.push_back({Found->Use->getLocation(), "its only use"});
  }
  F.Owner = &Found->Body->function();
  F.InLoop = Found->Body->innermostLoop(Found->Allocation) != nullptr;
  Ctx.Report.report(F);
}

} // namespace memrules
