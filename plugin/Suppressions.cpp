#include "Suppressions.h"

#include "Compat.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"

#include <cstring>

using namespace clang;

namespace memrules {

static const char IgnoreMarker[] = "memrules:ignore(";

// `#pragma memrules ...`: hands the rest of the directive to Suppressions.
class PragmaSuppression : public PragmaHandler {
public:
  explicit PragmaSuppression(Suppressions &S) : PragmaHandler("memrules"), S(S) {}
  void HandlePragma(Preprocessor &PP, PragmaIntroducer Introducer,
                    Token &) override {
    S.handlePragma(PP, Introducer.Loc);
  }

private:
  Suppressions &S;
};

Suppressions::Suppressions(SourceManager &SM, Complaint Complain)
    : SM(SM), Complain(std::move(Complain)),
      Pragma(std::make_unique<PragmaSuppression>(*this)) {}

Suppressions::~Suppressions() {
  if (Attached)
    (void)Pragma.release(); // the preprocessor deletes it
}

void Suppressions::attach(Preprocessor &PP) {
  PP.addCommentHandler(this);
  PP.AddPragmaHandler(Pragma.get());
  Attached = true;
}

void Suppressions::detach(Preprocessor &PP) {
  if (!Attached)
    return;
  PP.removeCommentHandler(this);
  PP.RemovePragmaHandler(Pragma.get());
  Attached = false;
  for (const Region &R : OpenRegions)
    Complain(R.Loc, "'#pragma memrules ignore-begin' has no matching "
                    "'#pragma memrules ignore-end'");
  OpenRegions.clear();
}

// Every comment of the TU passes through here, so the search is a
// vectorised memchr for one byte of Needle that is rare in prose (Anchor:
// its index), with a full comparison only where that byte occurs.
static size_t find(StringRef Text, StringRef Needle, size_t Anchor) {
  const char *Begin = Text.data();
  const char *End = Begin + Text.size();
  const char *At = Begin + Anchor;
  while (At < End) {
    At = static_cast<const char *>(memchr(At, Needle[Anchor], End - At));
    if (!At)
      break;
    const char *Start = At - Anchor;
    if (static_cast<size_t>(End - Start) >= Needle.size() &&
        memcmp(Start, Needle.data(), Needle.size()) == 0)
      return Start - Begin;
    ++At;
  }
  return StringRef::npos;
}

// Splits "a, b ,c" and adds each id to Rules. Ids may carry Prefix
// ("memrules-" inside NOLINT), and "*" or Prefix + "*" means every rule.
bool Suppressions::parseRuleList(StringRef List, StringRef Prefix,
                                 SourceLocation Loc, RuleSet &Rules) {
  SmallVector<StringRef, 4> Ids;
  List.split(Ids, ',');
  bool Any = false;
  for (StringRef Id : Ids) {
    Id = Id.trim();
    if (Id.empty())
      continue;
    if (Id == "*" || (!Prefix.empty() && Id == (Prefix.str() + "*"))) {
      Rules.set();
      Any = true;
      continue;
    }
    if (!Prefix.empty()) {
      if (!startsWith(Id, Prefix))
        continue; // another tool's check, e.g. NOLINT(bugprone-foo)
      Id = Id.drop_front(Prefix.size());
    }
    int Rule = mr_rule_lookup(Id.str().c_str());
    if (Rule < 0) {
      std::string Msg = "unknown rule '" + Id.str() + "' in a memrules suppression";
      if (const char *Close = mr_rule_suggest(Id.str().c_str()))
        Msg += std::string("; did you mean '") + Close + "'?";
      Complain(Loc, Msg);
      continue;
    }
    Rules.set(Rule);
    Any = true;
  }
  return Any;
}

void Suppressions::add(SourceLocation Loc, unsigned FirstLine,
                       unsigned LastLine, const RuleSet &Rules) {
  FileID File = SM.getFileID(Loc);
  Comments.push_back({Loc, File, FirstLine, LastLine, Rules, RuleSet()});
  for (unsigned Line = FirstLine; Line <= LastLine; ++Line)
    ByLine[{File.getHashValue(), Line}].push_back(Comments.size() - 1);
}

// A comment lies in one file buffer, and locations in one file are
// consecutive numbers, so the text is a slice of the (cached) buffer.
StringRef Suppressions::commentText(SourceRange Range) {
  SourceLocation Begin = Range.getBegin();
  if (!Begin.isFileID() || !Range.getEnd().isFileID())
    return {};
  SourceLocation::UIntTy At = Begin.getRawEncoding();
  if (At < BufferStart || At - BufferStart >= Buffer.size()) {
    std::pair<FileID, unsigned> Start = SM.getDecomposedLoc(Begin);
    bool Invalid = false;
    StringRef Data = SM.getBufferData(Start.first, &Invalid);
    Buffer = Invalid ? StringRef() : Data;
    BufferStart = At - Start.second;
  }
  unsigned Length = Range.getEnd().getRawEncoding() - At;
  return Buffer.substr(At - BufferStart, Length);
}

bool Suppressions::HandleComment(Preprocessor &, SourceRange Range) {
  if (InSystemHeader)
    return false;
  SourceLocation Begin = Range.getBegin();
  StringRef Text = commentText(Range);
  size_t Ignore = find(Text, IgnoreMarker, strlen("memrules")); // the ':'
  size_t Nolint = find(Text, "NOLINT", 0);
  if (Ignore == StringRef::npos && Nolint == StringRef::npos)
    return false;
  if (SM.isInSystemHeader(Begin))
    return false;
  unsigned First = SM.getSpellingLineNumber(Begin);
  unsigned Last = SM.getSpellingLineNumber(Range.getEnd());

  if (Ignore != StringRef::npos) {
    StringRef Rest = Text.drop_front(Ignore + sizeof(IgnoreMarker) - 1);
    size_t Close = Rest.find(')');
    RuleSet Rules;
    SourceLocation At = Begin.getLocWithOffset(Ignore);
    if (Close == StringRef::npos)
      Complain(At, "a memrules:ignore( suppression needs a closing ')'");
    else if (parseRuleList(Rest.take_front(Close), "", At, Rules))
      add(At, First, Last + 1, Rules); // this line and the next
  }
  if (Nolint != StringRef::npos) {
    StringRef Rest = Text.drop_front(Nolint + 6);
    bool NextLine = startsWith(Rest, "NEXTLINE");
    if (NextLine)
      Rest = Rest.drop_front(8);
    else if (startsWith(Rest, "BEGIN") || startsWith(Rest, "END"))
      return false; // clang-tidy's regions are not supported
    RuleSet Rules;
    SourceLocation At = Begin.getLocWithOffset(Nolint);
    bool Any;
    if (startsWith(Rest, "(")) {
      size_t Close = Rest.find(')');
      Any = Close != StringRef::npos &&
            parseRuleList(Rest.slice(1, Close), "memrules-", At, Rules);
    } else {
      Rules.set(); // a bare NOLINT silences every check, as in clang-tidy
      Any = true;
    }
    if (Any)
      add(At, NextLine ? Last + 1 : Last, NextLine ? Last + 1 : Last, Rules);
  }
  return false;
}

// Reads the pragma's tokens after `memrules`: the kind ("ignore",
// "ignore-begin", "ignore-end": spelled as several tokens) up to '(', then
// the rule list up to ')', by spelling, so the same text works in a file,
// in preprocessed output and in _Pragma. The reason after it is free text.
void Suppressions::handlePragma(Preprocessor &PP, SourceLocation Introducer) {
  std::string Kind, List;
  bool HasList = false, Closed = false;
  Token Tok;
  for (PP.Lex(Tok); Tok.isNot(tok::eod) && Tok.isNot(tok::l_paren); PP.Lex(Tok))
    Kind += PP.getSpelling(Tok);
  if (Tok.is(tok::l_paren)) {
    HasList = true;
    for (PP.Lex(Tok); Tok.isNot(tok::eod) && !(Closed = Tok.is(tok::r_paren));
         PP.Lex(Tok))
      List += PP.getSpelling(Tok);
  }
  while (Tok.isNot(tok::eod))
    PP.Lex(Tok);

  SourceLocation At = SM.getExpansionLoc(Introducer);
  unsigned Line = SM.getExpansionLineNumber(At);
  if (Kind == "ignore-end") {
    endRegion(At, Line);
    return;
  }
  if (Kind != "ignore" && Kind != "ignore-begin") {
    Complain(At, "unknown '#pragma memrules " + Kind +
                     "'; known: ignore(rule-id[, rule-id]), "
                     "ignore-begin(rule-id[, rule-id]), ignore-end");
    return;
  }
  if (!HasList || !Closed) {
    Complain(At, "'#pragma memrules " + Kind + "' needs the rules it ignores: " +
                     Kind + "(rule-id[, rule-id]) reason");
    return;
  }
  RuleSet Rules;
  if (!parseRuleList(List, "", At, Rules))
    return;
  if (Kind == "ignore")
    add(At, Line + 1, Line + 1, Rules); // the next line
  else
    OpenRegions.push_back({At, Line, Rules});
}

void Suppressions::endRegion(SourceLocation Loc, unsigned Line) {
  if (OpenRegions.empty() ||
      SM.getFileID(OpenRegions.back().Loc) != SM.getFileID(Loc)) {
    Complain(Loc, "'#pragma memrules ignore-end' has no matching "
                  "'#pragma memrules ignore-begin' in this file");
    return;
  }
  Region R = OpenRegions.back();
  OpenRegions.pop_back();
  add(R.Loc, R.Line + 1, Line, R.Rules);
}

bool Suppressions::suppresses(mr_rule_id Rule, SourceLocation Loc,
                              const Decl *Owner) {
  if (Owner && annotationSuppresses(Owner, Rule))
    return true;
  if (Comments.empty())
    return false;
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  FileID File = SM.getFileID(Expansion);
  unsigned Line = SM.getExpansionLineNumber(Expansion);
  auto It = ByLine.find({File.getHashValue(), Line});
  if (It == ByLine.end())
    return false;
  bool Found = false;
  for (unsigned Index : It->second) {
    const Comment &C = Comments[Index];
    if (C.File == File && C.Rules.test(Rule)) {
      C.Used.set(Rule);
      Found = true;
    }
  }
  return Found;
}

void Suppressions::forEachUnused(
    const std::function<bool(mr_rule_id, FileID)> &Ran,
    const std::function<void(SourceLocation, mr_rule_id)> &Report) const {
  for (const Comment &C : Comments) {
    if (C.Rules.all() || C.Used.any())
      continue; // a catch-all is used if anything hid behind it
    for (int Rule = 0; Rule < MR_RULE_COUNT; ++Rule) {
      mr_rule_id Id = static_cast<mr_rule_id>(Rule);
      if (C.Rules.test(Rule) && !C.Used.test(Rule) && Ran(Id, C.File))
        Report(C.Loc, Id);
    }
  }
}

static bool annotationNames(const Decl *D, mr_rule_id Rule) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    StringRef Text = A->getAnnotation();
    if (!startsWith(Text, "memrules::ignore(") || !endsWith(Text, ")"))
      continue;
    SmallVector<StringRef, 4> Ids;
    Text.drop_front(17).drop_back().split(Ids, ',');
    for (StringRef Id : Ids)
      if (Id.trim() == mr_rules[Rule].id || Id.trim() == "*")
        return true;
  }
  return false;
}

bool annotationSuppresses(const Decl *D, mr_rule_id Rule) {
  for (const Decl *Redecl : D->redecls())
    if (annotationNames(Redecl, Rule))
      return true;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(D))
    return annotationSuppresses(Method->getParent(), Rule);
  return false;
}

} // namespace memrules
