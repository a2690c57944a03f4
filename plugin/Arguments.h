// The plugin's command-line arguments: -fplugin-arg-memrules-KEY[=VALUE].
#ifndef MEMRULES_PLUGIN_ARGUMENTS_H
#define MEMRULES_PLUGIN_ARGUMENTS_H

#include <string>
#include <vector>

namespace memrules {

struct Arguments {
  std::string PolicyFile; // policy=FILE; empty: discover
  bool Werror = false;    // werror: every finding is an error
  bool Profile = false;   // profile: per-rule time on stderr
  std::string ReportDir;  // report-dir=DIR: write a JSON report per TU there
  std::string Baseline;   // baseline=FILE; empty: the policy's `baseline:`
  bool PrintWrappers = false; // print-wrappers: inferred wrappers as policy lines
};

// Parses the arguments clang hands the plugin. On a bad argument returns
// false and sets Error to a one-line message naming the known arguments.
bool parseArguments(const std::vector<std::string> &Args, Arguments &Out,
                    std::string &Error);

} // namespace memrules

#endif
