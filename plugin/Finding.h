// What a check reports: one problem, its primary location, notes pointing at
// the related code, and fix-its where the rewrite is safe.
#ifndef MEMRULES_PLUGIN_FINDING_H
#define MEMRULES_PLUGIN_FINDING_H

#include "memrules_rules.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"

#include <string>
#include <vector>

namespace clang {
class Decl;
}

namespace memrules {

struct Note {
  clang::SourceLocation Loc;
  std::string Message;
};

struct Finding {
  mr_rule_id Rule;
  clang::SourceLocation Loc;
  std::string Message;
  std::vector<Note> Notes;
  std::vector<clang::FixItHint> FixIts;
  // The enclosing function or the record itself: its annotate attributes can
  // suppress the finding, and its hotness decides `scope: hot`.
  const clang::Decl *Owner = nullptr;
  // Loop bodies count as hot for scope: hot, whatever the function.
  bool InLoop = false;
};

} // namespace memrules

#endif
