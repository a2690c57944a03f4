#include "ReallocLeak.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace memrules {

void ReallocLeakCheck::registerMatchers(MatchFinder &Finder) {}

void ReallocLeakCheck::run(const MatchFinder::MatchResult &Result) {}

} // namespace memrules
