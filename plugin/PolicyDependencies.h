// The policy files as inputs of the compile: listed in its dependency file
// (-MD/-MMD), so make, ninja and anything else that reads depfiles recompile
// a source when its policy, or a file the policy extends, changes.
#ifndef MEMRULES_PLUGIN_POLICYDEPENDENCIES_H
#define MEMRULES_PLUGIN_POLICYDEPENDENCIES_H

#include "memrules_policy.h"

namespace clang {
class CompilerInstance;
}

namespace memrules {

// Call before the main file is parsed (the dependency file is written when
// the preprocessor reaches its end); the files are listed after the sources.
void addPolicyDependencies(clang::CompilerInstance &CI, const mr_policy &Policy);

} // namespace memrules

#endif
