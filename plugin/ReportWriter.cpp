#include "ReportWriter.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace memrules {

namespace json = llvm::json;

static json::Object place(const Place &P) {
  return json::Object{{"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}

static json::Value findingJson(const LoggedFinding &F) {
  json::Object Out = place(F.Where);
  Out["rule"] = mr_rules[F.Rule].id;
  Out["family"] = mr_rules[F.Rule].family;
  Out["severity"] = F.Severity;
  Out["message"] = F.Message;
  Out["function"] = F.Function.empty() ? json::Value(nullptr) : json::Value(F.Function);
  Out["hot"] = F.Hot;
  Out["fingerprint"] = F.Fingerprint;
  json::Array Notes;
  for (const auto &N : F.Notes) {
    json::Object Note = place(N.first);
    Note["message"] = N.second;
    Notes.push_back(std::move(Note));
  }
  Out["notes"] = std::move(Notes);
  json::Array Fixes;
  for (const LoggedFinding::Fix &Fix : F.FixIts) {
    json::Object Entry = place(Fix.Begin);
    Entry["end_line"] = Fix.End.Line;
    Entry["end_column"] = Fix.End.Column;
    Entry["replacement"] = Fix.Replacement;
    Fixes.push_back(std::move(Entry));
  }
  Out["fixits"] = std::move(Fixes);
  return Out;
}

static json::Value split(const HotSplit &S) {
  return json::Object{{"hot", S.Hot}, {"other", S.Other}};
}

static json::Value censusJson(const Census &Counts, const FindingLog &Log) {
  json::Object Alloc;
  for (const auto &Entry : Counts.AllocSites)
    Alloc[Entry.first] = split(Entry.second);
  std::map<std::string, HotSplit> PerRule;
  for (const LoggedFinding &F : Log.findings())
    PerRule[mr_rules[F.Rule].id].add(F.Hot);
  json::Object Findings;
  for (const auto &Entry : PerRule)
    Findings[Entry.first] = split(Entry.second);
  return json::Object{
      {"alloc_sites", std::move(Alloc)},
      {"copy_sites", split(Counts.CopySites)},
      {"growth_sites", json::Object{{"presized", split(Counts.PresizedGrowth)},
                                    {"unsized", split(Counts.UnsizedGrowth)}}},
      {"predictable_growth_sites",
       json::Object{{"presized", split(Counts.PredictablePresized)},
                    {"unsized", split(Counts.PredictableUnsized)}}},
      {"output_string_sites", split(Counts.OutputStringSites)},
      {"findings", std::move(Findings)}};
}

static json::Value timingJson(double TotalMs,
                              const llvm::StringMap<llvm::TimeRecord> *RuleTimes) {
  json::Object Timing{{"total_ms", TotalMs}};
  if (!RuleTimes)
    return Timing;
  json::Object Rules;
  for (const auto &Entry : *RuleTimes)
    if (Entry.getKey() != "census")
      Rules[Entry.getKey()] = Entry.getValue().getWallTime() * 1000;
  Timing["rules"] = std::move(Rules);
  return Timing;
}

std::string renderReport(const TuInfo &TU, const FindingLog &Log,
                         const Census &Counts, double TotalMs,
                         const llvm::StringMap<llvm::TimeRecord> *RuleTimes) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  json::OStream J(OS, 2);
  // In the documented order: the version key first.
  J.object([&] {
    J.attribute("memrules_report", 1);
    J.attribute("tool", json::Object{{"name", "memrules"}, {"version", MEMRULES_VERSION}});
    J.attribute("tu", json::Object{
                          {"file", TU.File},
                          {"directory", TU.Directory},
                          {"policy", TU.Policy.empty() ? json::Value(nullptr)
                                                       : json::Value(TU.Policy)},
                          {"root", TU.Root}});
    J.attributeArray("findings", [&] {
      for (const LoggedFinding &F : Log.findings())
        J.value(findingJson(F));
    });
    J.attributeArray("baselined", [&] {
      for (const std::string &Print : Log.baselined())
        J.value(Print);
    });
    J.attribute("census", censusJson(Counts, Log));
    J.attribute("timing", timingJson(TotalMs, RuleTimes));
  });
  OS << "\n";
  OS.flush();
  return Text;
}

bool writeReport(llvm::StringRef Dir, llvm::StringRef Stem, llvm::StringRef Text,
                 std::string &Error) {
  auto Fail = [&](const std::string &Why) {
    Error = "cannot write the memrules report to '" + Dir.str() + "': " + Why;
    return false;
  };
  // create_directories accepts a folder that a parallel compile just made.
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return Fail(EC.message());
  // 16 random hex digits: the temporary's name is exclusive while it
  // exists, and the final name (the same minus .tmp) cannot collide in
  // practice.
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Dir + "/" + Stem + "-%%%%%%%%%%%%%%%%.memrules.json.tmp", FD, Temp))
    return Fail(EC.message());
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
  OS << Text;
  OS.close();
  if (OS.has_error()) {
    std::string Why = OS.error().message();
    OS.clear_error(); // or its destructor aborts the compile
    llvm::sys::fs::remove(Temp);
    return Fail(Why);
  }
  llvm::StringRef Final = llvm::StringRef(Temp).drop_back(4); // ".tmp"
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Final)) {
    llvm::sys::fs::remove(Temp);
    return Fail(EC.message());
  }
  return true;
}

} // namespace memrules
