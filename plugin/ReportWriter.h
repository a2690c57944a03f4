// The per-TU report (docs/report-format.md): built from the finding log, the
// census and the timing at the end of the TU, and written into the report
// directory under a unique name without a reader ever seeing half of it.
#ifndef MEMRULES_PLUGIN_REPORTWRITER_H
#define MEMRULES_PLUGIN_REPORTWRITER_H

#include "Census.h"
#include "FindingLog.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Timer.h"

#include <string>

namespace memrules {

struct TuInfo {
  std::string File;      // the main file, absolute
  std::string Directory; // the compile's working directory
  std::string Policy;    // the policy file; empty for the built-in default
  std::string Root;      // what report paths are relative to
};

// The report as JSON text. RuleTimes is null without `profile`.
std::string renderReport(const TuInfo &TU, const FindingLog &Log,
                         const Census &Counts, double TotalMs,
                         const llvm::StringMap<llvm::TimeRecord> *RuleTimes);

// Writes Text to Dir/<Stem>-<unique>.memrules.json, creating Dir if needed:
// first to a temporary name in Dir, then renamed into place. On failure
// removes what it wrote and returns false with Error saying why.
bool writeReport(llvm::StringRef Dir, llvm::StringRef Stem, llvm::StringRef Text,
                 std::string &Error);

} // namespace memrules

#endif
