#include "AllocInLoop.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {

void AllocInLoopCheck::registerMatchers(MatchFinder &Finder) {}

void AllocInLoopCheck::run(const MatchFinder::MatchResult &Result) {}

} // namespace memrules
