#include "TraversalPlan.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Lex/Preprocessor.h"

#include <algorithm>

using namespace clang;

namespace memrules {

TraversalPlan::TraversalPlan(Preprocessor &PP,
                             const std::vector<std::string> &Names)
    : PP(PP), SM(PP.getSourceManager()) {
  for (const std::string &Name : Names)
    addTrigger(Name);
}

void TraversalPlan::addTrigger(StringRef Name) {
  Triggers.insert(&PP.getIdentifierTable().get(Name));
  watch(&PP.getIdentifierTable().get(Name), Recorded | Trigger);
}

void TraversalPlan::addWatched(StringRef Name) {
  watch(&PP.getIdentifierTable().get(Name), Recorded | CountsLiterals);
}

void TraversalPlan::addCandidate(StringRef Name) {
  watch(&PP.getIdentifierTable().get(Name), Recorded);
}

void TraversalPlan::namesIn(const Decl &D,
                            SmallVectorImpl<const IdentifierInfo *> &Out) const {
  std::pair<FileID, unsigned> Begin = SM.getDecomposedExpansionLoc(D.getBeginLoc());
  std::pair<FileID, unsigned> End = SM.getDecomposedExpansionLoc(D.getEndLoc());
  // The newest records may be tokens the parser looked ahead to, past D
  // (perhaps in a header an #include right after D opened): skip a few.
  unsigned After = 0;
  bool Inside = false;
  for (auto It = Seen.rbegin(); It != Seen.rend(); ++It) {
    std::pair<FileID, unsigned> At = SM.getDecomposedExpansionLoc(It->second);
    bool SameFile = At.first == Begin.first;
    if (SameFile && At.second >= Begin.second && At.second <= End.second) {
      Out.push_back(It->first);
      Inside = true;
    } else if (Inside || (SameFile && At.second < Begin.second) || ++After > 4) {
      break;
    }
  }
}

void TraversalPlan::watchCalls(const FunctionDecl &F) {
  if (!F.getIdentifier())
    return;
  watch(F.getIdentifier(), CallOnly);
  CallWatched.insert(F.getCanonicalDecl());
}

unsigned TraversalPlan::filterBit(const IdentifierInfo *Name) {
  uintptr_t Bits = reinterpret_cast<uintptr_t>(Name);
  return ((Bits >> 3) ^ (Bits >> 19)) % FilterBits;
}

void TraversalPlan::watch(const IdentifierInfo *Name, unsigned Role) {
  Roles[Name] |= Role;
  MaybeWatched.set(filterBit(Name));
  if (!Watching) {
    Watching = true;
    installWatcher();
  }
}

// Called for every token the parser receives, after macro expansion, so a
// call hidden in a project macro is seen at the macro's use. Keywords carry
// an IdentifierInfo too, so `new` and `delete` can be triggers. The filter
// is tested here, before the call: most tokens are not watched names.
void TraversalPlan::installWatcher() {
  if (!Watching || InSystemHeader) {
    PP.setTokenWatcher(nullptr);
    return;
  }
  PP.setTokenWatcher([this](const Token &Tok) {
    const IdentifierInfo *Name = Tok.getIdentifierInfo();
    if (Calling || Storing || (Name && MaybeWatched.test(filterBit(Name))))
      onToken(Tok);
  });
}

void TraversalPlan::lexingSystemHeader(bool System) {
  if (System == InSystemHeader)
    return;
  InSystemHeader = System;
  // A name whose next token is not seen: take it for a use other than a
  // call, the cautious answer.
  if (Calling)
    Roles[Calling] |= OtherUse;
  Calling = nullptr;
  Storing = nullptr;
  installWatcher();
}

void TraversalPlan::stopWatching() {
  Watching = false;
  installWatcher();
}

// One hash lookup per identifier token; the two small state machines look
// at the token after a watched name.
void TraversalPlan::onToken(const Token &Tok) {
  // A function name followed by anything but `(`.
  if (Calling) {
    if (Tok.isNot(tok::l_paren))
      Roles[Calling] |= OtherUse;
    Calling = nullptr;
  }
  // `name = "literal"` of a recorded name that is not a trigger.
  if (Storing) {
    if (!SawAssign && Tok.is(tok::equal)) {
      SawAssign = true;
      return;
    }
    if (SawAssign && tok::isStringLiteral(Tok.getKind()))
      Literals[Storing].insert(PP.getSpelling(Tok));
    Storing = nullptr;
  }
  const IdentifierInfo *Name = Tok.getIdentifierInfo();
  if (!Name || !MaybeWatched.test(filterBit(Name)))
    return;
  auto It = Roles.find(Name);
  if (It == Roles.end())
    return;
  unsigned Role = It->second;
  if ((Role & CallOnly) && !(Role & OtherUse))
    Calling = Name;
  if (!(Role & Recorded))
    return;
  Seen.push_back({Name, Tok.getLocation()});
  if ((Role & CountsLiterals) && !(Role & Trigger)) {
    Storing = Name;
    SawAssign = false;
  }
}

bool TraversalPlan::watchesCalls(const FunctionDecl &F) const {
  return CallWatched.count(F.getCanonicalDecl()) != 0;
}

bool TraversalPlan::nameOnlyCalled(const FunctionDecl &F) const {
  auto It = Roles.find(F.getIdentifier());
  return It != Roles.end() && (It->second & CallOnly) && !(It->second & OtherUse);
}

unsigned TraversalPlan::literalStores(StringRef Name) const {
  auto It = Literals.find(&PP.getIdentifierTable().get(Name));
  return It == Literals.end() ? 0 : It->second.size();
}

void TraversalPlan::addTopLevel(Decl *D) { TopLevel.push_back(D); }

// Sorted offsets, per file, of the places where one of Names appeared.
TraversalPlan::OffsetMap TraversalPlan::offsetsOf(const IdentifierSet &Names) const {
  OffsetMap Offsets;
  for (const auto &Entry : Seen)
    if (Names.count(Entry.first)) {
      std::pair<FileID, unsigned> At = SM.getDecomposedExpansionLoc(Entry.second);
      Offsets[At.first].push_back(At.second);
    }
  for (auto &Entry : Offsets)
    std::sort(Entry.second.begin(), Entry.second.end());
  return Offsets;
}

bool TraversalPlan::mentions(const Decl *D, const OffsetMap &Offsets) const {
  SourceRange Range = D->getSourceRange();
  std::pair<FileID, unsigned> Begin =
      SM.getDecomposedLoc(SM.getExpansionLoc(Range.getBegin()));
  std::pair<FileID, unsigned> End =
      SM.getDecomposedLoc(SM.getExpansionRange(Range.getEnd()).getEnd());
  if (EveryBody || Begin.first != End.first)
    return true; // (odd macro games: do not risk missing it)
  auto It = Offsets.find(Begin.first);
  if (It == Offsets.end())
    return false;
  auto First = std::lower_bound(It->second.begin(), It->second.end(), Begin.second);
  return First != It->second.end() && *First <= End.second;
}

// A class whose member functions have bodies is as costly to walk as a
// function; one with only data members is as cheap as a C struct.
static bool hasMemberBodies(const Decl *D) {
  const auto *Class = dyn_cast<CXXRecordDecl>(D);
  if (const auto *Template = dyn_cast<ClassTemplateDecl>(D))
    Class = Template->getTemplatedDecl();
  if (!Class || !Class->hasDefinition())
    return false;
  for (const Decl *Member : Class->decls()) {
    const Decl *Inner = Member;
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member))
      Inner = Template->getTemplatedDecl();
    if (const auto *F = dyn_cast<FunctionDecl>(Inner))
      if (F->doesThisDeclarationHaveABody())
        return true;
    if (isa<CXXRecordDecl>(Member) && hasMemberBodies(Member))
      return true;
  }
  return false;
}

// Is D a function with a body, or a class whose member functions have
// bodies: a declaration worth walking only when triggered?
static bool hasBody(const Decl *D) {
  const Decl *Function = D;
  if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
    Function = Template->getTemplatedDecl();
  if (const auto *F = dyn_cast<FunctionDecl>(Function))
    return F->doesThisDeclarationHaveABody();
  return hasMemberBodies(D);
}

static bool isContainer(const Decl *D) {
  return isa<NamespaceDecl>(D) || isa<LinkageSpecDecl>(D) || isa<ExportDecl>(D);
}

void TraversalPlan::place(Decl *D, const OffsetMap &Offsets,
                          std::vector<Decl *> &Traverse,
                          std::vector<Decl *> &MatchAlone) {
  if (isContainer(D)) {
    for (Decl *Member : cast<DeclContext>(D)->decls())
      place(Member, Offsets, Traverse, MatchAlone);
    return;
  }
  const Decl *Function = D;
  if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
    Function = Template->getTemplatedDecl();
  // A prototype holds nothing a check looks for, nor does an enumeration.
  // Nor, in C, does a typedef (C++ checks look at typedefs of std::variant)
  // or a record, which holds no expression: the checks that look at C
  // records see them as the parser completes them (onRecordDefinition).
  bool C = !PP.getLangOpts().CPlusPlus;
  if ((isa<FunctionDecl>(Function) && !hasBody(D)) || isa<EnumDecl>(D) ||
      (C && (isa<TypedefNameDecl>(D) || isa<RecordDecl>(D))))
    return;
  if (hasBody(D) && !mentions(D, Offsets)) {
    if (!isa<FunctionDecl>(Function) && isa<CXXRecordDecl>(D))
      MatchAlone.push_back(D);
    return;
  }
  Traverse.push_back(D);
  FirstPass.insert(D);
}

void TraversalPlan::plan(std::vector<Decl *> &Traverse,
                         std::vector<Decl *> &MatchAlone) {
  OffsetMap Offsets = offsetsOf(Triggers);
  for (Decl *D : TopLevel)
    place(D, Offsets, Traverse, MatchAlone);
}

void TraversalPlan::collectBodies(Decl *D, const OffsetMap &Offsets,
                                  std::vector<Decl *> &Out) const {
  if (isContainer(D)) {
    for (Decl *Member : cast<DeclContext>(D)->decls())
      collectBodies(Member, Offsets, Out);
    return;
  }
  if (!FirstPass.count(D) && hasBody(D) && mentions(D, Offsets))
    Out.push_back(D);
}

void TraversalPlan::followUp(const std::vector<std::string> &Names,
                             std::vector<Decl *> &Traverse) const {
  if (EveryBody || Names.empty())
    return; // every body was walked already
  IdentifierSet Wanted;
  for (const std::string &Name : Names)
    Wanted.insert(&PP.getIdentifierTable().get(Name));
  OffsetMap Offsets = offsetsOf(Wanted);
  for (Decl *D : TopLevel)
    collectBodies(D, Offsets, Traverse);
}

} // namespace memrules
