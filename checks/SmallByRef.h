// small-by-ref: a `const T *` (C) or `const T &` (C++) parameter where T is
// a trivially copyable struct, union or class of at most `max-bytes` (two
// registers on LP64) that the function only reads through: pass T by value,
// in registers, and drop the indirection (RULES.md, copy family). By default
// only functions with internal linkage (`only-internal: 1`), whose callers
// are all in the TU.
//
// Like large-by-value it judges signatures at the end of the TU, scanning a
// body only for parameters whose type already qualifies.
#ifndef MEMRULES_CHECKS_SMALLBYREF_H
#define MEMRULES_CHECKS_SMALLBYREF_H

#include "SignatureCheck.h"

namespace memrules {

class SmallByRefCheck : public SignatureCheck {
public:
  explicit SmallByRefCheck(CheckContext &Ctx) : SignatureCheck(MR_RULE_SMALL_BY_REF, Ctx) {}

private:
  void judge(const clang::FunctionDecl &F) override;
};

} // namespace memrules

#endif
