#include "Reporter.h"

#include "DiagnosticLevels.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"

using namespace clang;

namespace memrules {

const PolicyBinding::FileFacts *Reporter::factsAt(SourceLocation Loc) {
  if (Loc.isInvalid())
    return nullptr;
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  if (SM.isInSystemHeader(Expansion))
    return nullptr;
  FileID File = SM.getFileID(Expansion);
  if (File.isInvalid())
    return nullptr;
  const PolicyBinding::FileFacts &Facts = Policy.factsFor(File);
  return Facts.Excluded ? nullptr : &Facts;
}

bool Reporter::wants(mr_rule_id Rule, SourceLocation Loc) {
  const PolicyBinding::FileFacts *Facts = factsAt(Loc);
  return Facts && Facts->Settings.rule[Rule].severity != MR_SEV_OFF;
}

const mr_settings *Reporter::settingsAt(SourceLocation Loc) {
  if (Loc.isInvalid())
    return &Policy.mainSettings();
  const PolicyBinding::FileFacts *Facts = factsAt(Loc);
  return Facts ? &Facts->Settings : nullptr;
}

long Reporter::option(mr_option_id Option, SourceLocation Loc) {
  const PolicyBinding::FileFacts *Facts = factsAt(Loc);
  return Facts ? Facts->Settings.option[Option] : mr_options[Option].def;
}

static bool isMarkedHot(const Decl *D) {
  for (const Decl *Redecl : D->redecls()) {
    if (Redecl->hasAttr<HotAttr>())
      return true;
    for (const auto *A : Redecl->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == "memrules::hot")
        return true;
  }
  return false;
}

bool Reporter::isHot(const Finding &F, const PolicyBinding::FileFacts &Facts) {
  if (F.InLoop || Facts.Hot)
    return true;
  const auto *Function = dyn_cast_or_null<FunctionDecl>(F.Owner);
  if (!Function)
    return false;
  return isMarkedHot(Function) ||
         Policy.isHotFunctionName(Function->getName()) ||
         Policy.isHotFunctionName(Function->getQualifiedNameAsString());
}

void Reporter::report(const Finding &F) {
  const PolicyBinding::FileFacts *Facts = factsAt(F.Loc);
  if (!Facts)
    return;
  const mr_rule_settings &Settings = Facts->Settings.rule[F.Rule];
  if (Settings.severity == MR_SEV_OFF)
    return;
  if (Settings.scope == MR_SCOPE_HOT && !isHot(F, *Facts))
    return;
  if (Suppress && Suppress->suppresses(F.Rule, F.Loc, F.Owner))
    return;
  DiagnosticsEngine::Level Level = levelFor(Settings.severity, Diags, Werror);
  if (Level == DiagnosticsEngine::Ignored)
    return;
  if (Log && !Log->admit(F, Level, isHot(F, *Facts)))
    return; // baselined
  emit(Level, F);
}

bool Reporter::isHotAt(SourceLocation Loc, const Decl *Owner, bool InLoop) {
  const PolicyBinding::FileFacts *Facts = factsAt(Loc);
  if (!Facts)
    return false;
  Finding Site;
  Site.Owner = Owner;
  Site.InLoop = InLoop;
  return isHot(Site, *Facts);
}

void Reporter::emit(DiagnosticsEngine::Level Level, const Finding &F) {
  unsigned ID = Diags.getCustomDiagID(Level, "%0 [memrules-%1]");
  {
    DiagnosticBuilder Builder = Diags.Report(F.Loc, ID);
    Builder << F.Message << mr_rules[F.Rule].id;
    for (const FixItHint &Fix : F.FixIts)
      Builder << Fix;
  }
  unsigned NoteID = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  for (const Note &N : F.Notes)
    Diags.Report(N.Loc, NoteID) << N.Message;
}

void Reporter::complain(SourceLocation Loc, const std::string &Message) {
  DiagnosticsEngine::Level Level = levelFor(MR_SEV_WARNING, Diags, Werror);
  if (Level == DiagnosticsEngine::Ignored)
    return;
  unsigned ID = Diags.getCustomDiagID(Level, "%0 [memrules]");
  Diags.Report(Loc, ID) << Message;
}

void Reporter::reportUnusedSuppressions() {
  if (!Suppress || !mr_policy_reports_unused_suppressions(&Policy.raw()))
    return;
  Suppress->forEachUnused(
      [this](mr_rule_id Rule, FileID File) {
        const PolicyBinding::FileFacts &Facts = Policy.factsFor(File);
        return !Facts.Excluded &&
               Facts.Settings.rule[Rule].severity != MR_SEV_OFF &&
               Policy.mainSettings().rule[Rule].severity != MR_SEV_OFF;
      },
      [this](SourceLocation Loc, mr_rule_id Rule) {
        complain(Loc, std::string("this suppression of '") + mr_rules[Rule].id +
                          "' suppresses nothing; remove it");
      });
}

} // namespace memrules
