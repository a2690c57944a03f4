// The plugin's AST consumer: collects the top-level declarations of the
// project's own files while the parser runs, then, once the TU is complete,
// runs the enabled checks over them in one matcher traversal.
#ifndef MEMRULES_PLUGIN_CONSUMER_H
#define MEMRULES_PLUGIN_CONSUMER_H

#include "Arguments.h"
#include "PolicyBinding.h"

#include "clang/AST/ASTConsumer.h"

#include <memory>

namespace clang {
class CompilerInstance;
}

namespace memrules {

std::unique_ptr<clang::ASTConsumer>
createConsumer(clang::CompilerInstance &CI, std::unique_ptr<PolicyBinding> Policy,
               const Arguments &Args);

} // namespace memrules

#endif
