// Which declarations the matchers see. Walking every function body of a TU
// costs more than the plugin's whole budget (CLANG-NOTES.md: a bare matcher
// traversal of sqlite3.c is ~5% of its parse). So checks name the
// identifiers that can start a finding (malloc, realloc, a policy's
// allocators...), the preprocessor's token watcher notes where those appear
// while the parser runs, and only the function bodies that contain one are
// walked. Globals, C++ records and C++ typedefs are cheap and always
// walked; prototypes, enumerations and C typedefs hold nothing a check
// looks for and are skipped. C records hold no expression either, but
// walking every field's type costs more than judging them: checks see them
// as the parser completes them (Check::onRecordDefinition).
//
// Some names only matter once the first pass has shown they do (the fields
// string-enum found compared with a literal): those are watched, not
// triggers, and after the first pass followUp() returns the bodies not yet
// walked that mention the ones a check asks for. For watched names the
// plan also counts, from the tokens alone, the distinct string literals
// stored with `name = "..."`, so a check can tell which names are worth a
// second pass.
#ifndef MEMRULES_PLUGIN_TRAVERSALPLAN_H
#define MEMRULES_PLUGIN_TRAVERSALPLAN_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

#include <bitset>
#include <string>
#include <vector>

namespace clang {
class Decl;
class FunctionDecl;
class IdentifierInfo;
class Preprocessor;
class Token;
} // namespace clang

namespace memrules {

class TraversalPlan {
public:
  // Starts watching the tokens of PP for the trigger identifiers.
  TraversalPlan(clang::Preprocessor &PP, const std::vector<std::string> &Triggers);

  // A top-level declaration of the project's own files.
  void addTopLevel(clang::Decl *D);

  // Watch for one more identifier from now on.
  void addTrigger(llvm::StringRef Name);
  // Record where Name appears from now on, without walking the bodies that
  // hold it in the first pass.
  void addWatched(llvm::StringRef Name);

  // Record where Name appears from now on, for namesIn() and for a later
  // addTrigger(Name): a function that may turn out to be an allocator
  // wrapper once its definition is parsed, whose earlier callers must then
  // be walked too.
  void addCandidate(llvm::StringRef Name);
  // The recorded names (triggers, watched names, candidates) that appeared
  // inside D, which the parser has just finished: found from the newest
  // records backwards, so this costs D's own mentions only.
  void namesIn(const clang::Decl &D,
               llvm::SmallVectorImpl<const clang::IdentifierInfo *> &Out) const;

  // Whether the tokens lexed from now on come from a system header: those
  // are not watched, as no check walks a system header's bodies. (Macros
  // expand where they are used, so a system macro used in the project's
  // code is watched.)
  void lexingSystemHeader(bool System);
  // Parsing is over: watch no more tokens.
  void stopWatching();

  // Walk every function body, triggered or not.
  void walkEveryBody() { EveryBody = true; }

  // After parsing: the declarations to traverse, and record definitions to
  // match on their own (C++ classes with method bodies and no trigger).
  void plan(std::vector<clang::Decl *> &Traverse,
            std::vector<clang::Decl *> &MatchAlone);

  // After the first pass: the function bodies (and classes with member
  // bodies) that mention one of Names, watched or triggers, and were not
  // walked by it.
  void followUp(const std::vector<std::string> &Names,
                std::vector<clang::Decl *> &Traverse) const;

  // How many distinct string literals the tokens showed stored with
  // `Name = "..."` (assignments and designated initializers).
  unsigned literalStores(llvm::StringRef Name) const;

  // From now on, note whether F's name is ever followed by a token other
  // than `(`: a function whose name only ever precedes `(` is only called
  // or declared, never has its address taken (`&f`, `cb = f`,
  // `{ .close = f }`, `cleanup(f)` all show another token).
  void watchCalls(const clang::FunctionDecl &F);
  // Known: F was watched from its first declaration on. Then
  // nameOnlyCalled says whether every later mention of its name (of any
  // function of that name) was followed by `(`.
  bool watchesCalls(const clang::FunctionDecl &F) const;
  bool nameOnlyCalled(const clang::FunctionDecl &F) const;

private:
  using IdentifierSet = llvm::SmallPtrSet<const clang::IdentifierInfo *, 16>;
  using OffsetMap = llvm::DenseMap<clang::FileID, std::vector<unsigned>>;

  // What the token watcher does with a name (bits of Roles).
  enum : unsigned {
    Trigger = 1,  // its bodies are walked in the first pass
    Recorded = 2, // where it appears is kept (triggers and watched names)
    CallOnly = 4, // a function name: note a use other than before `(`
    OtherUse = 8, // ...seen
    CountsLiterals = 16, // count `name = "..."` (watched names)
  };
  void watch(const clang::IdentifierInfo *Name, unsigned Role);
  void installWatcher();
  void onToken(const clang::Token &Tok);
  OffsetMap offsetsOf(const IdentifierSet &Names) const;
  bool mentions(const clang::Decl *D, const OffsetMap &Offsets) const;
  void place(clang::Decl *D, const OffsetMap &Offsets,
             std::vector<clang::Decl *> &Traverse,
             std::vector<clang::Decl *> &MatchAlone);
  void collectBodies(clang::Decl *D, const OffsetMap &Offsets,
                     std::vector<clang::Decl *> &Out) const;

  clang::Preprocessor &PP;
  clang::SourceManager &SM;
  bool EveryBody = false;
  bool Watching = false; // something is watched, and parsing goes on
  bool InSystemHeader = false;
  IdentifierSet Triggers; // walk the bodies that mention these
  llvm::DenseMap<const clang::IdentifierInfo *, unsigned> Roles;
  // A one-hash Bloom filter over the keys of Roles: most identifier tokens
  // are not watched, and a bit test is far cheaper than the map lookup the
  // watcher would otherwise do for every one of them.
  static constexpr unsigned FilterBits = 1u << 16;
  static unsigned filterBit(const clang::IdentifierInfo *Name);
  std::bitset<FilterBits> MaybeWatched;
  // Where a watched name appeared.
  std::vector<std::pair<const clang::IdentifierInfo *, clang::SourceLocation>> Seen;
  std::vector<clang::Decl *> TopLevel;
  llvm::DenseSet<const clang::Decl *> FirstPass; // walked by the first pass
  // `name = "literal"`: the watched name just seen, and whether `=` followed.
  const clang::IdentifierInfo *Storing = nullptr;
  bool SawAssign = false;
  // Functions watched by watchCalls (canonical declarations), and the
  // function name just seen, if it was never yet seen other than before `(`.
  llvm::DenseSet<const clang::Decl *> CallWatched;
  const clang::IdentifierInfo *Calling = nullptr;
  llvm::DenseMap<const clang::IdentifierInfo *, llvm::StringSet<>> Literals;
};

} // namespace memrules

#endif
