#include "SystemHeaders.h"

#include "clang/Lex/Preprocessor.h"

#include <algorithm>

using namespace clang;

namespace memrules {

SystemHeaders &SystemHeaders::attach(Preprocessor &PP) {
  auto *Map = new SystemHeaders(PP.getSourceManager());
  PP.addPPCallbacks(std::unique_ptr<PPCallbacks>(Map));
  return *Map;
}

void SystemHeaders::startRange(Offset At, SrcMgr::CharacteristicKind Kind) {
  bool System = SrcMgr::isSystem(Kind);
  if (!Ranges.empty() && At == Ranges.back().Begin)
    Ranges.back().System = System; // nothing was expanded in between
  else if (Ranges.empty() || Ranges.back().System != System)
    Ranges.push_back({At, System});
}

void SystemHeaders::FileChanged(SourceLocation, FileChangeReason,
                                SrcMgr::CharacteristicKind Kind, FileID) {
  // The macros expanded from now on expand in a file of this kind.
  startRange(SM.getNextLocalOffset(), Kind);
  if (FileChangeListener)
    FileChangeListener(SrcMgr::isSystem(Kind));
  // Line markers and `#pragma GCC system_header` come this way too, and
  // may have changed the kind of the file asked last.
  FileBegin = 1;
  FileEnd = 0;
}

bool SystemHeaders::fileContains(SourceLocation Loc) {
  Offset Raw = Loc.getRawEncoding();
  if (Raw >= FileBegin && Raw < FileEnd)
    return FileSystem;
  FileID File = SM.getFileID(Loc);
  bool System = SM.isInSystemHeader(Loc);
  // A file whose kind may change part-way is asked of SourceManager each
  // time.
  if (SM.getSLocEntry(File).getFile().hasLineDirectives())
    return System;
  FileSystem = System;
  FileBegin = SM.getLocForStartOfFile(File).getRawEncoding();
  FileEnd = SM.getLocForEndOfFile(File).getRawEncoding() + 1;
  return FileSystem;
}

bool SystemHeaders::contains(SourceLocation Loc) {
  if (Ranges.empty() || Loc.isInvalid() || SM.isLoadedSourceLocation(Loc))
    return SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  if (Loc.isFileID())
    return fileContains(Loc);
  // A macro location's raw encoding is its offset with the top bit set.
  const Offset MacroBit = Offset(1) << (8 * sizeof(Offset) - 1);
  Offset At = Loc.getRawEncoding() & ~MacroBit;
  auto After = std::upper_bound(Ranges.begin(), Ranges.end(), At,
                                [](Offset O, const Range &R) { return O < R.Begin; });
  if (After == Ranges.begin())
    return SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  return std::prev(After)->System;
}

} // namespace memrules
