// format-alloc: a string built on the heap only to be printed, then freed or
// dropped (RULES.md): asprintf, malloc + snprintf, or in C++ a local
// std::string made by std::format, std::to_string or concatenation, whose
// only use is one output or log call. Formatting straight into the output
// costs no allocation and no copy.
#ifndef MEMRULES_CHECKS_FORMATALLOC_H
#define MEMRULES_CHECKS_FORMATALLOC_H

#include "Check.h"
#include "analysis/OutputStrings.h"

namespace memrules {

class FormatAllocCheck : public Check {
public:
  explicit FormatAllocCheck(CheckContext &Ctx);
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  std::vector<std::string> triggers() const override;

private:
  OutputStrings Strings;
};

} // namespace memrules

#endif
