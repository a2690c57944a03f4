#include "AllocationSize.h"

#include "Allocators.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

#include <vector>

using namespace clang;

namespace memrules {

bool allocationBytes(const Expr &Site, const AllocatorModel &Model, ASTContext &AST,
                     std::optional<uint64_t> &Bytes) {
  std::vector<const Expr *> Operands;
  uint64_t Scale = 1;
  if (const auto *New = dyn_cast<CXXNewExpr>(&Site)) {
    QualType T = New->getAllocatedType();
    if (T->isDependentType() || T->isIncompleteType())
      return false;
    Scale = AST.getTypeSizeInChars(T).getQuantity();
    if (New->isArray())
      if (auto Count = New->getArraySize())
        if (*Count)
          Operands.push_back(*Count);
  } else if (const auto *Call = dyn_cast<CallExpr>(&Site)) {
    const AllocatorFamily *Family = Model.calleeFamily(*Call);
    Operands = Family && Family->Name == "libc"
                   ? AllocatorModel::sizeOperands(*Call)
                   : AllocatorModel::familySizeOperands(*Call);
    if (Operands.empty())
      return false;
  } else {
    return false;
  }
  Bytes = Scale;
  for (const Expr *Operand : Operands) {
    Expr::EvalResult Value;
    if (Operand->isValueDependent() || !Operand->EvaluateAsInt(Value, AST) ||
        Value.Val.getInt().isNegative()) {
      Bytes = std::nullopt;
      return true;
    }
    uint64_t N = Value.Val.getInt().getLimitedValue();
    Bytes = (N && *Bytes > UINT64_MAX / N) ? UINT64_MAX : *Bytes * N;
  }
  return true;
}

} // namespace memrules
