// The baseline (docs/report-format.md): fingerprints of findings a project
// has accepted for now. Findings that match are not reported; the report
// lists them under `baselined`.
#ifndef MEMRULES_PLUGIN_BASELINE_H
#define MEMRULES_PLUGIN_BASELINE_H

#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace memrules {

// Reads a `memrules_baseline` file. On failure returns false with Error
// naming the file and what is wrong with it.
bool loadBaseline(llvm::StringRef Path, llvm::StringSet<> &Fingerprints,
                  std::string &Error);

} // namespace memrules

#endif
