// Everything the plugin does for reports and baselines in one TU: loads the
// baseline, logs the findings through the Reporter, and at the end writes the
// report. Exists only when report-dir or a baseline is given, so a plain
// compile pays nothing for it.
#ifndef MEMRULES_PLUGIN_REPORTSESSION_H
#define MEMRULES_PLUGIN_REPORTSESSION_H

#include "Arguments.h"
#include "Census.h"
#include "FindingLog.h"
#include "PolicyBinding.h"
#include "ReportWriter.h"

#include "llvm/ADT/StringSet.h"

#include <memory>

namespace clang {
class CompilerInstance;
}

namespace memrules {

class ReportSession {
public:
  // Null when there is nothing to do (no report-dir, no baseline), or when
  // the baseline cannot be used: then Failed is set and the error reported.
  static std::unique_ptr<ReportSession> create(clang::CompilerInstance &CI,
                                               PolicyBinding &Policy,
                                               const Arguments &Args,
                                               bool &Failed);

  FindingLog &log() { return *Log; }
  bool writesReport() const { return !Dir.empty(); }

  // Writes the report (with report-dir); a failure is a compile error.
  void finish(const Census &Counts, double TotalMs,
              const llvm::StringMap<llvm::TimeRecord> *RuleTimes);

private:
  ReportSession(clang::CompilerInstance &CI) : CI(CI) {}

  clang::CompilerInstance &CI;
  std::string Dir;
  TuInfo TU;
  llvm::StringSet<> Baseline;
  std::unique_ptr<FindingLog> Log;
};

} // namespace memrules

#endif
