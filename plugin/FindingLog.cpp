#include "FindingLog.h"

#include "clang/AST/Decl.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace memrules {

std::string absolutePath(llvm::StringRef Path, llvm::StringRef WorkingDir) {
  llvm::SmallString<256> Out(Path);
  if (!llvm::sys::path::is_absolute(Out)) {
    llvm::SmallString<256> Joined(WorkingDir);
    llvm::sys::path::append(Joined, Out);
    Out = Joined;
  }
  llvm::sys::path::remove_dots(Out, /*remove_dot_dot=*/true);
  return std::string(Out.str());
}

// Inside the root: relative to it, so reports compare across checkouts.
const std::string &FindingLog::fileOf(FileID File) {
  std::string &Slot = Files[File];
  if (!Slot.empty())
    return Slot;
  Slot = absolute(SM.getFilename(SM.getLocForStartOfFile(File)));
  llvm::StringRef Path(Slot);
  if (Path.consume_front(llvm::StringRef(Root).rtrim('/')) &&
      Path.consume_front("/") && !Path.empty())
    Slot = Path.str();
  return Slot;
}

Place FindingLog::placeOf(SourceLocation Loc) {
  Place P;
  SourceLocation At = SM.getExpansionLoc(Loc);
  if (At.isInvalid())
    return P;
  P.File = fileOf(SM.getFileID(At));
  P.Line = SM.getExpansionLineNumber(At);
  P.Column = SM.getExpansionColumnNumber(At);
  return P;
}

llvm::StringRef FindingLog::lineText(SourceLocation Loc) const {
  SourceLocation At = SM.getExpansionLoc(Loc);
  if (At.isInvalid())
    return {};
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(At);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(Decomposed.first, &Invalid);
  if (Invalid)
    return {};
  size_t Begin = Buffer.substr(0, Decomposed.second).rfind('\n');
  Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
  size_t End = Buffer.find('\n', Decomposed.second);
  return Buffer.slice(Begin, End);
}

// The qualified name, stable when lines move: `(lambda)` rather than
// `(lambda at file:line:col)`, and an anonymous record by its typedef's name.
std::string FindingLog::ownerName(const Decl *Owner) const {
  const auto *Named = dyn_cast_or_null<NamedDecl>(Owner);
  if (!Named)
    return "";
  if (const auto *Tag = dyn_cast<TagDecl>(Named))
    if (!Tag->getIdentifier())
      if (const TypedefNameDecl *Typedef = Tag->getTypedefNameForAnonDecl())
        Named = Typedef;
  PrintingPolicy Policy(LO);
  Policy.AnonymousTagLocations = false;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  Named->printQualifiedName(OS, Policy);
  return OS.str();
}

static const char *severityName(DiagnosticsEngine::Level Level) {
  switch (Level) {
  case DiagnosticsEngine::Error:
  case DiagnosticsEngine::Fatal:
    return "error";
  case DiagnosticsEngine::Warning:
    return "warning";
  default:
    return "note"; // reported as a remark (DiagnosticLevels.h)
  }
}

bool FindingLog::admit(const Finding &F, DiagnosticsEngine::Level Level,
                       bool Hot) {
  LoggedFinding L;
  L.Rule = F.Rule;
  L.Where = placeOf(F.Loc);
  L.Function = ownerName(F.Owner);
  L.Fingerprint = Prints.next(mr_rules[F.Rule].id, L.Where.File, L.Function,
                              lineText(F.Loc));
  if (Baseline && Baseline->count(L.Fingerprint)) {
    Baselined.push_back(std::move(L.Fingerprint));
    return false;
  }
  L.Severity = severityName(Level);
  L.Message = F.Message;
  L.Hot = Hot;
  for (const Note &N : F.Notes)
    L.Notes.push_back({placeOf(N.Loc), N.Message});
  for (const FixItHint &Fix : F.FixIts) {
    CharSourceRange Range = Fix.RemoveRange;
    SourceLocation End = Range.getEnd();
    if (Range.isTokenRange())
      End = Lexer::getLocForEndOfToken(SM.getExpansionLoc(End), 0, SM, LO);
    L.FixIts.push_back({placeOf(Range.getBegin()), placeOf(End), Fix.CodeToInsert});
  }
  Findings.push_back(std::move(L));
  return true;
}

} // namespace memrules
