#include "SourceText.h"

#include "clang/Lex/Lexer.h"

using namespace clang;

namespace memrules {

bool verbatim(SourceRange R, const SourceManager &SM, const LangOptions &LO,
              std::string &Out) {
  if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return false;
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(R), SM, LO);
  if (Range.isInvalid())
    return false;
  bool Invalid = false;
  Out = Lexer::getSourceText(Range, SM, LO, &Invalid).str();
  return !Invalid;
}

std::string indentOf(SourceLocation Loc, const SourceManager &SM) {
  std::pair<FileID, unsigned> At = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(At.first, &Invalid);
  if (Invalid)
    return "";
  size_t Start = Buffer.rfind('\n', At.second ? At.second - 1 : 0);
  Start = Start == StringRef::npos ? 0 : Start + 1;
  size_t End = Start;
  while (End < Buffer.size() && (Buffer[End] == ' ' || Buffer[End] == '\t'))
    ++End;
  return Buffer.substr(Start, End - Start).str();
}

} // namespace memrules
