// redundant-copy, FF-5: a std::string built only to look a key up in a map
// or set keyed by std::string. With a transparent comparator (an unordered
// container's transparent hash and equality) the container finds the key
// by std::string_view, and the copy, often an allocation, goes away.
#include "RedundantCopy.h"

#include "analysis/ReadOnlyUses.h"
#include "analysis/SourceText.h"
#include "analysis/StateChanges.h"
#include "analysis/StringLookup.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace memrules {
namespace {

// 'm', 'this->index_': the container as the call names it.
std::string containerName(const CXXMemberCallExpr &Call, const ASTContext &AST) {
  std::string Text;
  const Expr *Object = Call.getImplicitObjectArgument();
  if (!Object || !verbatim(Object->getSourceRange(), AST.getSourceManager(), AST.getLangOpts(),
                           Text) ||
      Text.empty())
    return "the container";
  return "'" + Text + "'";
}

std::string copiedText(const ViewableString &Key) {
  return Key.What == ViewableString::Substring ? "part of '" + Key.SourceName + "'"
                                               : "'" + Key.SourceName + "'";
}

std::string joined(const std::vector<std::string> &Names) {
  std::string Out;
  for (const std::string &Name : Names)
    Out += (Out.empty() ? "" : " and ") + Name;
  return Out;
}

} // namespace

// The first half of the cure for Lookups: "'m' compares transparently, so "
// or "declare 'm' with 'std::less<>' and ", with a note where each
// container to change has its type written. False when one must change but
// the project's code does not write its type (deduced, a system header):
// the advice could not be applied.
bool RedundantCopyCheck::adviseContainers(llvm::ArrayRef<const CXXMemberCallExpr *> Lookups,
                                          std::string &Cure, Finding &F) {
  std::vector<std::string> Names;
  llvm::SmallPtrSet<const Decl *, 2> Noted;
  bool Ordered = false, Unordered = false;
  for (const CXXMemberCallExpr *Call : Lookups) {
    std::optional<StringKeyLookup> Lookup = stringKeyLookup(*Call, Ctx.AST);
    if (!Lookup || Lookup->Transparent)
      continue;
    const Decl *Spelling = containerSpelling(*Call->getImplicitObjectArgument(),
                                             *Call->getMethodDecl()->getParent(), Ctx.AST);
    if (!Spelling)
      return false;
    (Lookup->Unordered ? Unordered : Ordered) = true;
    if (!Noted.insert(Spelling).second)
      continue;
    std::string Name = containerName(*Call, Ctx.AST);
    Names.push_back(Name);
    F.Notes.push_back({Spelling->getLocation(), isa<TypedefNameDecl>(Spelling)
                                                    ? "the type of " + Name + " is declared here"
                                                    : Name + " is declared here"});
  }
  if (Names.empty()) {
    Cure = containerName(*Lookups.front(), Ctx.AST) + " compares transparently, so ";
    return true;
  }
  const char *Transparent =
      Ordered && Unordered ? "'std::less<>' or a transparent hash and 'std::equal_to<>'"
      : Ordered            ? "'std::less<>'"
                           : "a transparent hash and 'std::equal_to<>'";
  Cure = "declare " + joined(Names) + " with " + Transparent + " and ";
  return true;
}

// m.find(std::string(p)): a temporary key, or a named one (judged once).
void RedundantCopyCheck::judgeLookup(const CXXMemberCallExpr &Call) {
  if (Call.getNumArgs() != 1 || !stringKeyLookup(Call, Ctx.AST))
    return;
  const Expr *Argument = Call.getArg(0);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Argument->IgnoreParenImpCasts())) {
    if (const auto *Key = dyn_cast<VarDecl>(Ref->getDecl()))
      judgeLookupKey(*Key);
    return;
  }
  std::optional<ViewableString> Key = viewableString(*Argument, Ctx.AST);
  SourceLocation Loc = Key ? Key->Construction->getBeginLoc() : SourceLocation();
  if (!Key || Loc.isMacroID() || !wants(Loc))
    return;
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(Call);
  Finding F = finding(Loc, "");
  std::string Cure;
  const CXXMemberCallExpr *Lookups[] = {&Call};
  if (!Body || !adviseContainers(Lookups, Cure, F))
    return;
  bool AsItIs = Key->Implicit && Key->AsView == Key->SourceName;
  F.Message = "a temporary 'std::string' copies " + copiedText(*Key) +
              " only to look it up in " + containerName(Call, Ctx.AST) +
              ", which may allocate on every lookup; " + Cure + "pass '" + Key->AsView +
              (AsItIs ? "' as it is" : "' instead");
  F.Owner = &Body->function();
  F.InLoop = Body->innermostLoop(&Call) != nullptr;
  Ctx.Report.report(F);
}

// std::string key(p); ... m.find(key): a key used for nothing but lookups,
// whose source stays as it was while the lookups run, can be a view.
void RedundantCopyCheck::judgeLookupKey(const VarDecl &Key) {
  if (!JudgedKeys.insert(&Key).second)
    return;
  SourceLocation Loc = Key.getLocation();
  if (!Ctx.AST.getLangOpts().CPlusPlus17 || !Key.hasLocalStorage() || isa<ParmVarDecl>(&Key) ||
      Key.getType()->isReferenceType() || !isStdString(Key.getType()) || !Key.getInit() ||
      Loc.isMacroID() || !Key.getIdentifier())
    return;
  std::optional<ViewableString> Source = viewableString(*Key.getInit(), Ctx.AST);
  const FunctionBody *Body = Ctx.Functions.nonTemplateBodyAround(*Key.getInit());
  if (!Source || !Body || !wants(Loc))
    return;
  std::vector<const CXXMemberCallExpr *> Lookups;
  for (const DeclRefExpr *Ref : Body->references(Key)) {
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(Body->parentIgnoringParenCasts(Ref));
    if (Ref->refersToEnclosingVariableOrCapture() || !Call || Call->getNumArgs() != 1 ||
        Call->getArg(0)->IgnoreParenImpCasts() != Ref || !stringKeyLookup(*Call, Ctx.AST))
      return;
    Lookups.push_back(Call);
  }
  if (Lookups.empty())
    return;
  // The view would show the source's buffer at each lookup: nothing may
  // change it meanwhile (a member's, in a non-const method, from anywhere).
  bool UsesThis = false;
  std::vector<const VarDecl *> Roots = variablesIn(*Source->Text, UsesThis);
  const auto *Method = dyn_cast<CXXMethodDecl>(&Body->function());
  Reach R = UsesThis && !(Method && Method->isConst()) ? Reach::Anywhere : Reach::Named;
  for (const VarDecl *Root : Roots)
    if (!Root->hasLocalStorage())
      R = Reach::Anywhere;
  Finding F = finding(Loc, "");
  std::string Cure;
  if (mayChangeWhileInUse(*Body, Key, R, Roots) || !adviseContainers(Lookups, Cure, F))
    return;
  std::string Name = Key.getName().str();
  std::string View = Source->What == ViewableString::Pointer ? Source->SourceName : Source->AsView;
  F.Message = "'" + Name + "' copies " + copiedText(*Source) +
              " into a 'std::string' only to look it up in " +
              containerName(*Lookups.front(), Ctx.AST) + ", which may allocate; " + Cure +
              "make it 'std::string_view " + Name + " = " + View + "'";
  F.Owner = &Body->function();
  F.InLoop = Body->innermostLoop(Key.getInit()) != nullptr;
  Ctx.Report.report(F);
}

} // namespace memrules
