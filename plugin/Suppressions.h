// Inline suppressions. Every comment the preprocessor sees passes through
// HandleComment; the few that carry `memrules:ignore(...)` or a NOLINT are
// remembered by file and line. A finding asks whether one covers it, and the
// ones that never covered anything can be reported at the end.
//
//   // memrules:ignore(rule-id[, rule-id]) reason   this line and the next
//   // NOLINT / NOLINT(memrules-id)                  this line
//   // NOLINTNEXTLINE / NOLINTNEXTLINE(memrules-id)  the next line
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

  Suppressions(clang::SourceManager &SM, Complaint Complain)
      : SM(SM), Complain(std::move(Complain)) {}

  bool HandleComment(clang::Preprocessor &PP, clang::SourceRange Comment) override;

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
  bool parseRuleList(llvm::StringRef List, llvm::StringRef Prefix,
                     clang::SourceLocation Loc, RuleSet &Rules);
  void add(clang::SourceLocation Loc, unsigned FirstLine, unsigned LastLine,
           const RuleSet &Rules);

  llvm::StringRef commentText(clang::SourceRange Range);

  clang::SourceManager &SM;
  Complaint Complain;
  clang::FileID BufferFile; // the file whose text Buffer holds
  llvm::StringRef Buffer;
  std::vector<Comment> Comments;
  // (file, line) -> indexes into Comments
  llvm::DenseMap<std::pair<unsigned, unsigned>, std::vector<unsigned>> ByLine;
};

// Does an `annotate("memrules::ignore(...)")` on D (or, for a method, on its
// class) name Rule?
bool annotationSuppresses(const clang::Decl *D, mr_rule_id Rule);

} // namespace memrules

#endif
