#include "Fingerprint.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>

namespace memrules {

namespace {

class Fnv1a64 {
public:
  void add(char C) {
    Hash ^= static_cast<unsigned char>(C);
    Hash *= 0x100000001b3ULL;
  }
  // The bytes, then the NUL that ends a field.
  void field(llvm::StringRef Text) {
    for (char C : Text)
      add(C);
    add('\0');
  }
  uint64_t value() const { return Hash; }

private:
  uint64_t Hash = 0xcbf29ce484222325ULL;
};

} // namespace

std::string fingerprint(llvm::StringRef Rule, llvm::StringRef File,
                        llvm::StringRef Function, llvm::StringRef LineText,
                        unsigned Occurrence) {
  Fnv1a64 H;
  H.field(Rule);
  H.field(File);
  H.field(Function);
  for (char C : LineText)
    if (!llvm::isSpace(C))
      H.add(C);
  H.add('\0');
  if (Occurrence > 1)
    H.field(std::to_string(Occurrence));
  std::string Out;
  llvm::raw_string_ostream(Out) << llvm::format_hex_no_prefix(H.value(), 16);
  return Out;
}

std::string Fingerprinter::next(llvm::StringRef Rule, llvm::StringRef File,
                                llvm::StringRef Function,
                                llvm::StringRef LineText) {
  std::string First = fingerprint(Rule, File, Function, LineText, 1);
  unsigned Occurrence = ++Seen[First];
  if (Occurrence == 1)
    return First;
  return fingerprint(Rule, File, Function, LineText, Occurrence);
}

} // namespace memrules
