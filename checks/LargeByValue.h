// large-by-value: a parameter of struct, union or class type larger than
// `max-bytes`, passed by value although the function only reads it: every
// call copies the whole object; a `const T *` (C) or `const T &` (C++)
// copies one pointer (RULES.md, copy family).
//
// The rule judges signatures, not calls, so it needs no trigger: at the end
// of the TU it looks at every function definition of the project's files,
// scans a body only for parameters already large enough, and asks which
// functions have their address taken only if such a parameter is left.
#ifndef MEMRULES_CHECKS_LARGEBYVALUE_H
#define MEMRULES_CHECKS_LARGEBYVALUE_H

#include "SignatureCheck.h"

namespace memrules {

class LargeByValueCheck : public SignatureCheck {
public:
  explicit LargeByValueCheck(CheckContext &Ctx) : SignatureCheck(MR_RULE_LARGE_BY_VALUE, Ctx) {}

private:
  void judge(const clang::FunctionDecl &F) override;
};

} // namespace memrules

#endif
