// Source text for messages and fix-its: the verbatim text of an expression
// and the indentation of a line. Shared by the checks that offer fix-its.
#ifndef MEMRULES_CHECKS_ANALYSIS_SOURCETEXT_H
#define MEMRULES_CHECKS_ANALYSIS_SOURCETEXT_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"

#include <string>

namespace memrules {

// The verbatim text of a range that lies wholly in one file, outside macros.
bool verbatim(clang::SourceRange R, const clang::SourceManager &SM,
              const clang::LangOptions &LO, std::string &Out);

// Leading whitespace of the line holding Loc (a file location).
std::string indentOf(clang::SourceLocation Loc, const clang::SourceManager &SM);

} // namespace memrules

#endif
