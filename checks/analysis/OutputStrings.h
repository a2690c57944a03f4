// Strings built only to be printed (RULES.md format-alloc; the census's
// "output string sites"): a heap buffer formatted by asprintf or by
// snprintf into a fresh malloc, used for nothing but NULL tests, strlen, one
// output call and its free; or a local std::string made by std::format,
// std::to_string or `+`, used once, written to a std::ostream or passed to a
// log function. The format-alloc check reports them; the census counts them.
#ifndef MEMRULES_CHECKS_ANALYSIS_OUTPUTSTRINGS_H
#define MEMRULES_CHECKS_ANALYSIS_OUTPUTSTRINGS_H

#include "Allocators.h"
#include "FunctionIndex.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace memrules {

struct OutputString {
  const clang::Expr *Allocation;  // asprintf, the malloc, or the string's source
  const clang::VarDecl *Var;      // the buffer or the std::string
  const FunctionBody *Body;
  // C: the formatting call (the allocation itself for asprintf), the output
  // call and the first free. C++: Use is the one reference.
  const clang::CallExpr *Format = nullptr;
  const clang::CallExpr *Output = nullptr;
  const clang::CallExpr *Release = nullptr;
  const clang::DeclRefExpr *Use = nullptr;
  const char *Into = nullptr; // C++: "written to a stream" / "passed to a log function"
};

class OutputStrings {
public:
  // IsLogFunction: the policy's `log-functions` (plain or qualified names).
  OutputStrings(const AllocatorModel &Allocators, FunctionIndex &Functions,
                std::function<bool(llvm::StringRef)> IsLogFunction)
      : Allocators(Allocators), Functions(Functions),
        IsLogFunction(std::move(IsLogFunction)) {}

  // The identifiers without which a body holds no candidate.
  static std::vector<std::string> triggers(bool CPlusPlus);
  // Candidates, for judge(): formatting calls into a local buffer and, in
  // C++, std::string locals with an initializer.
  static void addMatchers(clang::ast_matchers::MatchFinder &Finder,
                          clang::ast_matchers::MatchFinder::MatchCallback *Callback,
                          bool CPlusPlus);
  // Does Result (a match of addMatchers) hold a candidate (true even when
  // judge() then finds it has another job)?
  static bool isCandidate(const clang::ast_matchers::MatchFinder::MatchResult &Result);
  // The string, if the candidate is one built only to be printed.
  std::optional<OutputString>
  judge(const clang::ast_matchers::MatchFinder::MatchResult &Result) const;

  bool isOutputFunction(const clang::FunctionDecl &F) const;

private:
  std::optional<OutputString> judgeFormatted(const clang::CallExpr &Format,
                                             const clang::VarDecl &Buffer,
                                             const clang::Expr &Allocation) const;
  std::optional<OutputString> judgeCxxString(const clang::VarDecl &String) const;

  const AllocatorModel &Allocators;
  FunctionIndex &Functions;
  std::function<bool(llvm::StringRef)> IsLogFunction;
};

} // namespace memrules

#endif
