/*
** memrules run's counts: findings per rule and severity, read from each
** TU's compiler output, and the TUs that failed to compile.
*/
#ifndef MEMRULES_TOOLS_RUN_TALLY_H
#define MEMRULES_TOOLS_RUN_TALLY_H

#include "memrules_rules.h"

#include <stddef.h>
#include <stdio.h>

struct mr_tally {
  size_t tus, checked, failed, with_findings;
  size_t warnings, errors; /* findings tagged [memrules-<rule>] */
  size_t by_rule[MR_RULE_COUNT];
};

/* Counts the findings in one TU's OUTPUT and whether it failed: a TU fails
** when the compiler was killed, or exited non-zero for any reason other
** than findings raised to errors (a syntax error, a bad policy, an unknown
** flag). Returns 1 if it failed. */
int mr_tally_tu(struct mr_tally *t, const char *output, size_t length,
                int wait_status);

/* "memrules run: 12 TUs, 7 findings (7 warnings, 0 errors) in 3 TUs, 0
** failed" and the findings by rule; INTERRUPTED says the run was cut short. */
void mr_tally_print(const struct mr_tally *t, FILE *out, int interrupted,
                    double seconds);

/* The exit status for gating: 1 if any finding is an error or any TU
** failed, else 0. */
int mr_tally_status(const struct mr_tally *t);

#endif
