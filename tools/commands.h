/*
** The subcommands of the memrules tool, one file each. Each gets the
** arguments after its name and returns the process exit status.
*/
#ifndef MEMRULES_TOOLS_COMMANDS_H
#define MEMRULES_TOOLS_COMMANDS_H

int mr_cmd_check_policy(int argc, char **argv);
int mr_cmd_list_rules(int argc, char **argv);
int mr_cmd_report(int argc, char **argv);
int mr_cmd_baseline(int argc, char **argv);
int mr_cmd_run(int argc, char **argv);

#endif
