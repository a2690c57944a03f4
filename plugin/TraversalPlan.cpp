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
  bool First = Triggers.empty();
  Triggers.insert(&PP.getIdentifierTable().get(Name));
  if (!First)
    return;
  // Called for every token the parser receives, after macro expansion, so
  // a call hidden in a project macro is seen at the macro's use. Keywords
  // carry an IdentifierInfo too, so `new` and `delete` can be triggers.
  PP.setTokenWatcher([this](const Token &Tok) {
    const IdentifierInfo *Name = Tok.getIdentifierInfo();
    if (Name && Triggers.count(Name))
      Seen.push_back(Tok.getLocation());
  });
}

void TraversalPlan::addTopLevel(Decl *D) { TopLevel.push_back(D); }

bool TraversalPlan::isTriggered(const Decl *D) {
  SourceRange Range = D->getSourceRange();
  std::pair<FileID, unsigned> Begin =
      SM.getDecomposedLoc(SM.getExpansionLoc(Range.getBegin()));
  std::pair<FileID, unsigned> End =
      SM.getDecomposedLoc(SM.getExpansionRange(Range.getEnd()).getEnd());
  if (EveryBody || Begin.first != End.first)
    return true; // (odd macro games: do not risk missing it)
  auto It = SeenOffsets.find(Begin.first);
  if (It == SeenOffsets.end())
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

void TraversalPlan::place(Decl *D, std::vector<Decl *> &Traverse,
                          std::vector<Decl *> &MatchAlone) {
  if (isa<NamespaceDecl>(D) || isa<LinkageSpecDecl>(D) || isa<ExportDecl>(D)) {
    for (Decl *Member : cast<DeclContext>(D)->decls())
      place(Member, Traverse, MatchAlone);
    return;
  }
  const Decl *Function = D;
  if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
    Function = Template->getTemplatedDecl();
  if (const auto *F = dyn_cast<FunctionDecl>(Function)) {
    // A prototype holds nothing a check looks for; a body only if triggered.
    if (F->doesThisDeclarationHaveABody() && isTriggered(D))
      Traverse.push_back(D);
    return;
  }
  if (hasMemberBodies(D)) {
    if (isTriggered(D))
      Traverse.push_back(D);
    else if (isa<CXXRecordDecl>(D))
      MatchAlone.push_back(D);
    return;
  }
  Traverse.push_back(D);
}

void TraversalPlan::plan(std::vector<Decl *> &Traverse,
                         std::vector<Decl *> &MatchAlone) {
  for (SourceLocation Loc : Seen) {
    std::pair<FileID, unsigned> At = SM.getDecomposedExpansionLoc(Loc);
    SeenOffsets[At.first].push_back(At.second);
  }
  for (auto &Entry : SeenOffsets)
    std::sort(Entry.second.begin(), Entry.second.end());
  for (Decl *D : TopLevel)
    place(D, Traverse, MatchAlone);
}

} // namespace memrules
