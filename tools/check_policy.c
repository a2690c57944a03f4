/*
** memrules check-policy FILE: load a policy the way the plugin does and
** report the first error as file:line:col, like a compiler.
*/
#include <stdio.h>

#include "commands.h"
#include "memrules_policy.h"

/* Rules the policy enables outside any override: no glob matches the root
** folder itself, so its settings are the policy's top-level ones. */
static int enabled_rules(const mr_policy *policy) {
  mr_settings settings;
  mr_policy_settings_for(policy, "/", &settings);
  int n = 0;
  for (int i = 0; i < MR_RULE_COUNT; i++)
    n += settings.rule[i].severity != MR_SEV_OFF;
  return n;
}

int mr_cmd_check_policy(int argc, char **argv) {
  if (argc != 1) {
    fprintf(stderr, "usage: memrules check-policy FILE\n");
    return 2;
  }
  mr_error err;
  mr_policy *policy = mr_policy_load_file(argv[0], &err);
  if (!policy) {
    if (err.line > 0)
      fprintf(stderr, "%s:%d:%d: error: %s\n", err.file, err.line, err.column,
              err.message);
    else
      fprintf(stderr, "%s: error: %s\n", err.file, err.message);
    return 1;
  }
  printf("%s: ok (rule-set version %d, %d rules enabled)\n", argv[0],
         mr_policy_version(policy), enabled_rules(policy));
  mr_policy_free(policy);
  return 0;
}
