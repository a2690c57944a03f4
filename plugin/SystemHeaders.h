// Is a declaration the parser has just finished in a system header? Asked of
// every top-level declaration of a TU, most of them from system headers, and
// SourceManager's own answer, isInSystemHeader(getExpansionLoc(Loc)), walks
// the macro expansion chain (glibc declares math.h's functions through four
// levels of macros) with a table search at each step: a sixth of the plugin's
// cost in a TU that includes a large project header (redis's server.h).
//
// Source locations are offsets handed out in the order the preprocessor
// creates them, and every macro expansion is created while lexing the file
// it expands in. So the preprocessor's file changes cut the offsets into
// ranges, each created while lexing files of one kind: a macro location's
// offset gives the kind of the file it expands in, a search of a few hundred
// ranges. A file location is answered by SourceManager, with the last
// file's extent cached.
//
// Line markers (`# 1 "x.h" 3`, which every predefines buffer holds) and
// `#pragma GCC system_header` change a file's kind part-way: a new range
// starts there, and the locations of a file with such line directives are
// never cached.
#ifndef MEMRULES_PLUGIN_SYSTEMHEADERS_H
#define MEMRULES_PLUGIN_SYSTEMHEADERS_H

#include "PortableCallbacks.h"

#include "clang/Basic/SourceManager.h"

#include <functional>
#include <vector>

namespace clang {
class Preprocessor;
}

namespace memrules {

class SystemHeaders : public PortableCallbacks {
public:
  // Creates the map and hands it to PP, which keeps it; call before the
  // main file is entered.
  static SystemHeaders &attach(clang::Preprocessor &PP);

  // SM.isInSystemHeader(SM.getExpansionLoc(Loc)).
  bool contains(clang::SourceLocation Loc);

  // Calls Listener(System) at every file change, with whether the file
  // lexed from then on is a system header.
  void onFileChange(std::function<void(bool System)> Listener) {
    FileChangeListener = std::move(Listener);
  }

  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason,
                   clang::SrcMgr::CharacteristicKind Kind,
                   clang::FileID PrevFID) override;

private:
  using Offset = clang::SourceLocation::UIntTy;
  explicit SystemHeaders(clang::SourceManager &SM) : SM(SM) {}
  bool fileContains(clang::SourceLocation Loc);
  void startRange(Offset At, clang::SrcMgr::CharacteristicKind Kind);

  clang::SourceManager &SM;
  // Offsets from Begin up to the next range's Begin were created while
  // lexing a file of kind System.
  struct Range {
    Offset Begin;
    bool System;
  };
  std::vector<Range> Ranges;
  // The extent of the file location asked last.
  Offset FileBegin = 1, FileEnd = 0;
  bool FileSystem = false;
  std::function<void(bool)> FileChangeListener;
};

} // namespace memrules

#endif
