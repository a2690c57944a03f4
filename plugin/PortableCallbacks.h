// The base for the plugin's preprocessor callbacks. A PPCallbacks subclass's
// vtable names every virtual it does not override, and the symbol of
// PPCallbacks::HasInclude differs between clang versions: an unresolved
// vtable slot would make a wrong clang fail to load the plugin before its
// version guard can say why. Overriding it here (to do nothing, as the
// default does) keeps that symbol out of every subclass's vtable.
#ifndef MEMRULES_PLUGIN_PORTABLECALLBACKS_H
#define MEMRULES_PLUGIN_PORTABLECALLBACKS_H

#include "Compat.h"

#include "clang/Lex/PPCallbacks.h"

namespace memrules {

class PortableCallbacks : public clang::PPCallbacks {
public:
  void HasInclude(clang::SourceLocation, llvm::StringRef, bool, OptionalFileRef,
                  clang::SrcMgr::CharacteristicKind) override {}
};

} // namespace memrules

#endif
