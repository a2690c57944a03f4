// Inline suppressions. Every comment the preprocessor sees passes through
// HandleComment; the few that carry `memrules:ignore(...)` or a NOLINT are
// remembered by file and line; so are the `#pragma memrules` forms, which
// survive preprocessing (distcc and icecream compile preprocessed output,
// where comments are gone). A finding asks whether one covers it, and the
// ones that never covered anything can be reported at the end.
//
//   // memrules:ignore(rule-id[, rule-id]) reason   this line and the next
//   // NOLINT / NOLINT(memrules-id)                  this line
//   // NOLINTNEXTLINE / NOLINTNEXTLINE(memrules-id)  the next line
//   #pragma memrules ignore(rule-id[, rule-id]) reason   the next line
//   #pragma memrules ignore-begin(rule-id[, ...]) reason  the lines up to
//   #pragma memrules ignore-end                            the matching end
//   __attribute__((annotate("memrules::ignore(rule-id)")))  a function/record
#ifndef MEMRULES_PLUGIN_SUPPRESSIONS_H
#define MEMRULES_PLUGIN_SUPPRESSIONS_H

#include "memrules_rules.h"

#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"

#include <bitset>
#include <functional>
#include <vector>

namespace clang {
class Decl;
}

namespace memrules {

class Suppressions : public clang::CommentHandler {
public:
  using RuleSet = std::bitset<MR_RULE_COUNT>;
  // Called for a suppression that names no known rule: (location, message).
  using Complaint = std::function<void(clang::SourceLocation, std::string)>;

  Suppressions(clang::SourceManager &SM, Complaint Complain);
  ~Suppressions() override;

  // Starts and stops watching PP's comments and pragmas. Detach when parsing
  // is over; it also reports an ignore-begin that was never ended.
  void attach(clang::Preprocessor &PP);
  void detach(clang::Preprocessor &PP);

  bool HandleComment(clang::Preprocessor &PP, clang::SourceRange Comment) override;
  // Whether the comments lexed from now on are in a system header, where
  // suppressions mean nothing: those are not read at all.
  void lexingSystemHeader(bool System) { InSystemHeader = System; }

  // Does a comment at Loc or an attribute on Owner suppress Rule? Marks the
  // comment used.
  bool suppresses(mr_rule_id Rule, clang::SourceLocation Loc,
                  const clang::Decl *Owner);

  // Calls Report for each rule a comment names but never suppressed, for the
  // rules Ran says were checked.
  void forEachUnused(const std::function<bool(mr_rule_id, clang::FileID)> &Ran,
                     const std::function<void(clang::SourceLocation, mr_rule_id)>
                         &Report) const;

private:
  struct Comment {
    clang::SourceLocation Loc;
    clang::FileID File;
    unsigned FirstLine, LastLine; // the lines it covers
    RuleSet Rules;
    mutable RuleSet Used;
  };
  struct Region { // an open `#pragma memrules ignore-begin`
    clang::SourceLocation Loc;
    unsigned Line;
    RuleSet Rules;
  };
  friend class PragmaSuppression;
  void handlePragma(clang::Preprocessor &PP, clang::SourceLocation Introducer);
  void endRegion(clang::SourceLocation Loc, unsigned Line);
  bool parseRuleList(llvm::StringRef List, llvm::StringRef Prefix,
                     clang::SourceLocation Loc, RuleSet &Rules);
  void add(clang::SourceLocation Loc, unsigned FirstLine, unsigned LastLine,
           const RuleSet &Rules);

  llvm::StringRef commentText(clang::SourceRange Range);

  clang::SourceManager &SM;
  Complaint Complain;
  // The text of the file the last comment was in, and where its locations
  // begin.
  llvm::StringRef Buffer;
  clang::SourceLocation::UIntTy BufferStart = 0;
  bool InSystemHeader = false;
  std::vector<Comment> Comments;
  // (file, line) -> indexes into Comments
  llvm::DenseMap<std::pair<unsigned, unsigned>, std::vector<unsigned>> ByLine;
  std::vector<Region> OpenRegions;
  // Owned here until attach() lends it to the preprocessor (which deletes
  // the handlers it still holds when it goes, so one still attached when
  // this object goes is left to it).
  std::unique_ptr<clang::PragmaHandler> Pragma;
  bool Attached = false;
};

// Does an `annotate("memrules::ignore(...)")` on D (or, for a method, on its
// class) name Rule?
bool annotationSuppresses(const clang::Decl *D, mr_rule_id Rule);

} // namespace memrules

#endif
