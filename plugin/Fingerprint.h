// A finding's fingerprint (docs/report-format.md): what a baseline matches
// on. It hashes what identifies a finding to a person (rule, file, function,
// the code on its line) and not where the line is, so it survives edits
// elsewhere in the file.
#ifndef MEMRULES_PLUGIN_FINGERPRINT_H
#define MEMRULES_PLUGIN_FINGERPRINT_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace memrules {

// 16 lowercase hex digits of FNV-1a 64 over Rule, File, Function and
// LineText with all whitespace removed, each followed by a NUL byte; for
// Occurrence > 1 also its decimal digits and a NUL.
std::string fingerprint(llvm::StringRef Rule, llvm::StringRef File,
                        llvm::StringRef Function, llvm::StringRef LineText,
                        unsigned Occurrence);

// Fingerprints for the findings of one TU, in report order: the second
// finding with the same inputs gets occurrence 2, and so on.
class Fingerprinter {
public:
  std::string next(llvm::StringRef Rule, llvm::StringRef File,
                   llvm::StringRef Function, llvm::StringRef LineText);

private:
  llvm::StringMap<unsigned> Seen; // first-occurrence fingerprint -> count
};

} // namespace memrules

#endif
