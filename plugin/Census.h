// The census of the per-TU report (docs/report-format.md): allocation, copy
// and growth sites of the project's own code, each split hot/other, so a
// report shows where memory is managed, not only what is wrong. It runs only
// with report-dir: its names are added to the traversal plan's triggers and
// its matchers to the checks' traversal, so in C bodies without them still
// are never walked. In C++ a copy construction has no name to trigger on,
// so with report-dir every body of the project's C++ code is walked.
#ifndef MEMRULES_PLUGIN_CENSUS_H
#define MEMRULES_PLUGIN_CENSUS_H

#include "../checks/Check.h"
#include "../checks/analysis/OutputStrings.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <map>
#include <string>

namespace memrules {

struct HotSplit {
  unsigned Hot = 0, Other = 0;
  void add(bool IsHot) { ++(IsHot ? Hot : Other); }
};

class Census : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  explicit Census(CheckContext &Ctx);

  std::vector<std::string> triggers() const;
  bool walksEveryBody() const { return Ctx.AST.getLangOpts().CPlusPlus; }
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder);
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  llvm::StringRef getID() const override { return "census"; }

  // By family: "libc", "c++", "policy:<preset or policy>".
  std::map<std::string, HotSplit> AllocSites;
  HotSplit CopySites;
  HotSplit PresizedGrowth, UnsizedGrowth;
  // The growth sites one element per iteration of a loop whose trip count
  // is known before it (ContainerGrowth.h), of the growth sites above.
  HotSplit PredictablePresized, PredictableUnsized;
  HotSplit OutputStringSites;

private:
  std::vector<std::string> siteNames() const;
  // Is Site the project's, and not yet in Seen? Sets its body and hotness.
  bool admit(const clang::Expr &Site, const FunctionBody *&Body, bool &Hot,
             llvm::DenseSet<unsigned> &Seen);
  bool hotFunction(const clang::FunctionDecl &F, clang::SourceLocation Loc);
  void countCall(const clang::CallExpr &Call, const FunctionBody &Body, bool Hot);
  bool copiesIntoFresh(const clang::CallExpr &Call, const FunctionBody &Body) const;
  bool isFresh(const clang::Expr *E) const;
  void countOutputString(const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void countGrowth(const clang::CallExpr &Call, const FunctionBody &Body, bool Hot);
  bool reservedBefore(const clang::VarDecl &Var, const clang::Stmt &Point,
                      const FunctionBody &Body) const;
  static bool isNonTrivialCopy(const clang::Expr &Site);

  CheckContext &Ctx;
  OutputStrings Strings;
  llvm::DenseSet<unsigned> Counted; // the sites' locations
  llvm::DenseSet<unsigned> OutputCounted; // the output strings' allocations
  llvm::DenseSet<unsigned> CopyCounted; // C++ copy constructions, assignments
  llvm::DenseSet<const clang::FunctionDecl *> Allocating; // with a site
  std::vector<const clang::CallExpr *> Copies; // memcpy/memmove, to judge
  llvm::DenseMap<const clang::FunctionDecl *, bool> FunctionHot;
};

} // namespace memrules

#endif
