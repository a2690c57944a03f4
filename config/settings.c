/*
** Rule settings: the built-in profiles and the patches `rules:` and
** `overrides:` apply on top of them.
*/
#include "policy_internal.h"

const char *const mr_profile_names[3] = {"recommended", "strict", "none"};

/* A profile never enables a rule newer than the policy's version: that is
** what keeps a project's gate stable across memrules upgrades. */
void mr_profile_settings(mr_profile profile, int version, mr_settings *out) {
  for (int i = 0; i < MR_RULE_COUNT; i++) {
    const mr_rule_info *r = &mr_rules[i];
    int on = r->since <= version &&
             (profile == MR_PROFILE_STRICT ||
              (profile == MR_PROFILE_RECOMMENDED && r->recommended));
    out->rule[i].severity = on ? r->severity : MR_SEV_OFF;
    out->rule[i].scope = r->scope;
  }
  for (int i = 0; i < MR_OPTION_COUNT; i++) {
    out->option[i] = profile == MR_PROFILE_STRICT ? mr_options[i].strict
                                                  : mr_options[i].def;
    out->list[i] = NULL;
  }
}

void mr_patch_apply(const mr_patch *patch, mr_settings *settings) {
  for (int i = 0; i < MR_RULE_COUNT; i++) {
    mr_rule_settings *rule = &settings->rule[i];
    if (patch->severity_mode[i] == MR_PATCH_SET ||
        (patch->severity_mode[i] == MR_PATCH_ENABLE &&
         rule->severity == MR_SEV_OFF))
      rule->severity = patch->severity[i];
    if (patch->scope_set[i]) rule->scope = patch->scope[i];
  }
  for (int i = 0; i < MR_OPTION_COUNT; i++)
    if (patch->option_set[i]) {
      settings->option[i] = patch->option[i];
      settings->list[i] = patch->list[i];
    }
}
