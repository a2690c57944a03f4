/*
** memrules: the command-line companion of the memrules Clang plugin.
*/
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "memrules_rules.h"

static const struct command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *help;
} commands[] = {
    {"check-policy", mr_cmd_check_policy,
     "check-policy FILE   validate a .memrules.yaml; errors as file:line:col"},
    {"list-rules", mr_cmd_list_rules,
     "list-rules [--markdown]  the rules, their defaults and options"},
    {"report", mr_cmd_report,
     "report DIR [--format text|markdown|json|sarif] [--baseline FILE]\n"
     "      [--fail-on-increase] [-o FILE]  merge the plugin's per-TU reports"},
    {"baseline", mr_cmd_baseline,
     "baseline DIR -o FILE  write a baseline of every finding in DIR's reports"},
    {"run", mr_cmd_run,
     "run -p BUILD_DIR [-j N] [--policy FILE] [FILE...]  the plugin over a\n"
     "                      compile_commands.json (run --help for more)"},
};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static void usage(FILE *out) {
  fprintf(out, "usage: memrules COMMAND [ARGS]\n\ncommands:\n");
  for (size_t i = 0; i < COMMAND_COUNT; i++)
    fprintf(out, "  %s\n", commands[i].help);
  fprintf(out, "\n  --help              this text\n"
               "  --version           memrules and rule-set versions\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    usage(stdout);
    return 0;
  }
  if (strcmp(argv[1], "--version") == 0) {
    printf("memrules %s (rule-set version %d)\n", MEMRULES_VERSION,
           MR_RULESET_VERSION);
    return 0;
  }
  for (size_t i = 0; i < COMMAND_COUNT; i++)
    if (strcmp(argv[1], commands[i].name) == 0)
      return commands[i].run(argc - 2, argv + 2);
  fprintf(stderr, "memrules: unknown command '%s'\n\n", argv[1]);
  usage(stderr);
  return 2;
}
