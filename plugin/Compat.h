// Differences between the Clang versions memrules builds against (14 and 19),
// kept in one place so the rest of the code reads as if there were one Clang.
#ifndef MEMRULES_PLUGIN_COMPAT_H
#define MEMRULES_PLUGIN_COMPAT_H

#include "clang/Basic/FileEntry.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringRef.h"

namespace memrules {

inline bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
#if CLANG_VERSION_MAJOR >= 16
  return S.starts_with(Prefix);
#else
  return S.startswith(Prefix);
#endif
}

inline bool endsWith(llvm::StringRef S, llvm::StringRef Suffix) {
#if CLANG_VERSION_MAJOR >= 16
  return S.ends_with(Suffix);
#else
  return S.endswith(Suffix);
#endif
}

// An optional file reference, as PPCallbacks::HasInclude takes it.
#if CLANG_VERSION_MAJOR >= 17
using OptionalFileRef = clang::OptionalFileEntryRef;
#else
using OptionalFileRef = llvm::Optional<clang::FileEntryRef>;
#endif

} // namespace memrules

#endif
