/*
** memrules list-rules: the rule table, as the policy validator and the
** plugin see it.
*/
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "memrules_rules.h"

static const char *const scope_names[] = {"all", "hot"};

static int id_width(void) {
  int w = (int)strlen("rule");
  for (int i = 0; i < MR_RULE_COUNT; i++)
    if ((int)strlen(mr_rules[i].id) > w) w = (int)strlen(mr_rules[i].id);
  return w;
}

static void print_rules(void) {
  int w = id_width();
  printf("%-*s  %-8s  %-8s  %-5s  %-11s  %s\n", w, "rule", "family",
         "severity", "scope", "recommended", "summary");
  for (int i = 0; i < MR_RULE_COUNT; i++) {
    const mr_rule_info *r = &mr_rules[i];
    printf("%-*s  %-8s  %-8s  %-5s  %-11s  %s\n", w, r->id, r->family,
           mr_severity_name(r->severity), scope_names[r->scope],
           r->recommended ? "yes" : "no", r->summary);
  }
}

static void print_options(void) {
  printf("\noptions (default / strict profile / range):\n");
  for (int i = 0; i < MR_RULE_COUNT; i++) {
    int printed = 0;
    for (int j = 0; j < MR_OPTION_COUNT; j++) {
      const mr_option_info *o = &mr_options[j];
      if ((int)o->rule != i) continue;
      if (!printed++) printf("  %s:\n", mr_rules[i].id);
      printf("    %s: integer, default %ld, strict %ld, range %ld..%ld\n"
             "      %s\n",
             o->name, o->def, o->strict, o->min, o->max, o->doc);
    }
  }
}

int mr_cmd_list_rules(int argc, char **argv) {
  (void)argv;
  if (argc != 0) {
    fprintf(stderr, "usage: memrules list-rules\n");
    return 2;
  }
  print_rules();
  print_options();
  return 0;
}
