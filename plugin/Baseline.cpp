#include "Baseline.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

namespace memrules {

// The parse, with Why set on the first problem found.
static bool parseBaseline(llvm::StringRef Text, llvm::StringSet<> &Out,
                          std::string &Why) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  if (!Parsed) {
    Why = "not JSON: " + llvm::toString(Parsed.takeError());
    return false;
  }
  const llvm::json::Object *Root = Parsed->getAsObject();
  auto Version = Root ? Root->getInteger("memrules_baseline") : decltype(Root->getInteger(""))();
  if (!Version || *Version != 1) {
    Why = "not a memrules baseline of a known version "
          "(\"memrules_baseline\": 1 is missing)";
    return false;
  }
  const llvm::json::Array *Findings = Root->getArray("findings");
  if (!Findings) {
    Why = "\"findings\" is missing or not an array";
    return false;
  }
  for (size_t I = 0; I < Findings->size(); ++I) {
    const llvm::json::Object *Entry = (*Findings)[I].getAsObject();
    auto Print = Entry ? Entry->getString("fingerprint")
                       : decltype(Entry->getString(""))();
    if (!Print || Print->size() != 16) {
      Why = "findings[" + std::to_string(I) +
            "] has no 16-digit \"fingerprint\" string";
      return false;
    }
    Out.insert(*Print);
  }
  return true;
}

bool loadBaseline(llvm::StringRef Path, llvm::StringSet<> &Fingerprints,
                  std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  std::string Why;
  if (!Buffer)
    Why = Buffer.getError().message();
  else if (parseBaseline((*Buffer)->getBuffer(), Fingerprints, Why))
    return true;
  Error = "cannot use the memrules baseline '" + Path.str() + "': " + Why;
  return false;
}

} // namespace memrules
