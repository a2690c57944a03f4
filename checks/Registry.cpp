// Maps rule ids to their checks. The switch has no default: a rule added to
// config/rules.def without a check is a compile error (-Werror=switch).
#include "AllocInLoop.h"
#include "AllocSizeOverflow.h"
#include "FormatAlloc.h"
#include "BannedAlloc.h"
#include "Check.h"
#include "LargeByValue.h"
#include "GrowInLoop.h"
#include "LateFree.h"
#include "LeakOnReturn.h"
#include "MismatchedDealloc.h"
#include "NestedAlloc.h"
#include "OversizedUnion.h"
#include "ReallocLeak.h"
#include "RedundantCopy.h"
#include "SizeofMismatch.h"
#include "SmallByRef.h"
#include "SmallHeapAlloc.h"
#include "StringEnum.h"
#include "StructPadding.h"
#include "SubstringCopy.h"
#include "UncheckedAlloc.h"

namespace memrules {

static std::unique_ptr<Check> createCheck(mr_rule_id Rule, CheckContext &Ctx) {
  switch (Rule) {
  case MR_RULE_ALLOC_IN_LOOP:
    return std::make_unique<AllocInLoopCheck>(Ctx);
  case MR_RULE_REALLOC_LEAK:
    return std::make_unique<ReallocLeakCheck>(Ctx);
  case MR_RULE_STRUCT_PADDING:
    return std::make_unique<StructPaddingCheck>(Ctx);
  case MR_RULE_BANNED_ALLOC:
    return std::make_unique<BannedAllocCheck>(Ctx);
  case MR_RULE_OVERSIZED_UNION:
    return std::make_unique<OversizedUnionCheck>(Ctx);
  case MR_RULE_STRING_ENUM:
    return std::make_unique<StringEnumCheck>(Ctx);
  case MR_RULE_SIZEOF_MISMATCH:
    return std::make_unique<SizeofMismatchCheck>(Ctx);
  case MR_RULE_FORMAT_ALLOC:
    return std::make_unique<FormatAllocCheck>(Ctx);
  case MR_RULE_ALLOC_SIZE_OVERFLOW:
    return std::make_unique<AllocSizeOverflowCheck>(Ctx);
  case MR_RULE_MISMATCHED_DEALLOC:
    return std::make_unique<MismatchedDeallocCheck>(Ctx);
  case MR_RULE_LARGE_BY_VALUE:
    return std::make_unique<LargeByValueCheck>(Ctx);
  case MR_RULE_SMALL_BY_REF:
    return std::make_unique<SmallByRefCheck>(Ctx);
  case MR_RULE_UNCHECKED_ALLOC:
    return std::make_unique<UncheckedAllocCheck>(Ctx);
  case MR_RULE_GROW_IN_LOOP:
    return std::make_unique<GrowInLoopCheck>(Ctx);
  case MR_RULE_LEAK_ON_RETURN:
    return std::make_unique<LeakOnReturnCheck>(Ctx);
  case MR_RULE_LATE_FREE:
    return std::make_unique<LateFreeCheck>(Ctx);
  case MR_RULE_SMALL_HEAP_ALLOC:
    return std::make_unique<SmallHeapAllocCheck>(Ctx);
  case MR_RULE_NESTED_ALLOC:
    return std::make_unique<NestedAllocCheck>(Ctx);
  case MR_RULE_SUBSTRING_COPY:
    return std::make_unique<SubstringCopyCheck>(Ctx);
  case MR_RULE_REDUNDANT_COPY:
    return std::make_unique<RedundantCopyCheck>(Ctx);
  case MR_RULE_COUNT:
    break;
  }
  return nullptr;
}

std::vector<std::unique_ptr<Check>> createChecks(const mr_settings &Settings,
                                                 CheckContext &Ctx) {
  std::vector<std::unique_ptr<Check>> Checks;
  for (int Rule = 0; Rule < MR_RULE_COUNT; ++Rule)
    if (Settings.rule[Rule].severity != MR_SEV_OFF)
      Checks.push_back(createCheck(static_cast<mr_rule_id>(Rule), Ctx));
  return Checks;
}

} // namespace memrules
