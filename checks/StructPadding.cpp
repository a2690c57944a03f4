#include "StructPadding.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {

void StructPaddingCheck::registerMatchers(MatchFinder &Finder) {}

void StructPaddingCheck::run(const MatchFinder::MatchResult &Result) {}

} // namespace memrules
