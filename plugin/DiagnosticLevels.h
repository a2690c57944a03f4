// Clang gives plugin diagnostics no warning flag, so -Werror, -Wno-error and
// -w do not reach them (CLANG-NOTES.md). The plugin applies them itself here.
#ifndef MEMRULES_PLUGIN_DIAGNOSTICLEVELS_H
#define MEMRULES_PLUGIN_DIAGNOSTICLEVELS_H

#include "memrules_rules.h"

#include "clang/Basic/Diagnostic.h"

namespace memrules {

// The level a finding of the given severity is reported at, or Ignored.
inline clang::DiagnosticsEngine::Level
levelFor(mr_severity Severity, const clang::DiagnosticsEngine &Diags,
         bool WerrorArgument) {
  using Level = clang::DiagnosticsEngine::Level;
  switch (Severity) {
  case MR_SEV_OFF:
    return Level::Ignored;
  case MR_SEV_ERROR:
    return Level::Error;
  case MR_SEV_NOTE:
    // Clang prints a note only after the diagnostic it belongs to; a
    // finding of severity note stands alone, so it is reported as a remark.
    return Diags.getIgnoreAllWarnings() ? Level::Ignored : Level::Remark;
  case MR_SEV_WARNING:
    if (WerrorArgument || Diags.getWarningsAsErrors())
      return Level::Error;
    return Diags.getIgnoreAllWarnings() ? Level::Ignored : Level::Warning;
  }
  return Level::Ignored;
}

} // namespace memrules

#endif
