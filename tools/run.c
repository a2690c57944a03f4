/*
** memrules run: the plugin over a compilation database, for projects that
** do not change their build. Every selected entry is compiled syntax-only
** by the clang the plugin was built for, in parallel; each TU's diagnostics
** are printed whole when it ends, then a summary, and the exit status gates:
**   0  no error findings, every TU compiled
**   1  a finding is an error (policy severity, --werror, -Werror) or a TU
**      failed to compile
**   2  bad usage or an unreadable compilation database
**   128+N  stopped by signal N (130 for Ctrl-C)
*/
#include "commands.h"
#include "compdb.h"
#include "jobs.h"
#include "rewrite.h"
#include "run_progress.h"
#include "run_tally.h"
#include "shell_words.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct run {
  struct mr_compdb db;
  struct mr_rewrite_options rewrite;
  size_t *selected; /* indexes into db.entries */
  size_t count;
  char **shown;     /* the file names printed, per selected entry */
  char ***commands; /* the rewritten commands, per selected entry */
  struct mr_progress progress;
  struct mr_tally tally;
};

static void usage(FILE *out) {
  fprintf(out,
          "usage: memrules run -p BUILD_DIR|compile_commands.json [options] [FILE|DIR...]\n"
          "  -p PATH            the compilation database, or the build directory holding it\n"
          "  -j N               parallel compiles (default: the number of CPUs)\n"
          "  --policy FILE      the policy for every TU (default: each TU's nearest\n"
          "                     .memrules.yaml, else the built-in default)\n"
          "  --report-dir DIR   write the per-TU JSON reports to DIR\n"
          "  --werror           every finding is an error (exit status 1)\n"
          "  --clang PATH       the clang to run (default: $MEMRULES_CLANG, else the\n"
          "                     clang the plugin was built for)\n"
          "  --plugin PATH      the plugin (default: $MEMRULES_PLUGIN, else this\n"
          "                     memrules' libmemrules.so)\n"
          "  --dry-run          print the rewritten commands, run nothing\n"
          "  FILE|DIR...        only the entries for these sources, or under these\n"
          "                     directories\n");
}

/* The plugin next to this program: the build tree's when this is the
** build tree's memrules, else the installed one. */
static const char *default_plugin(void) {
  char self[PATH_MAX], built[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    self[n] = '\0';
    if (realpath(MEMRULES_TOOL_BUILD_PATH, built) && strcmp(self, built) == 0)
      return MEMRULES_PLUGIN_BUILD_PATH;
  }
  return MEMRULES_PLUGIN_INSTALL_PATH;
}

static const char *pick(const char *option, const char *env, const char *built) {
  if (option) return option;
  const char *value = getenv(env);
  return value && *value ? value : built;
}

/* PATH made absolute against the current directory, as commands run in
** their entries' directories. Malloc'ed. */
static char *absolute(const char *path) {
  char resolved[PATH_MAX], cwd[PATH_MAX];
  if (realpath(path, resolved)) return strdup(resolved);
  if (path[0] == '/' || !getcwd(cwd, sizeof cwd)) return strdup(path);
  char *out = malloc(strlen(cwd) + strlen(path) + 2);
  if (out) sprintf(out, "%s/%s", cwd, path);
  return out;
}

/* Does FILTER (absolute) name FILE or a directory above it? */
static int covers(const char *filter, const char *file) {
  size_t n = strlen(filter);
  if (strncmp(filter, file, n) != 0) return 0;
  return file[n] == '\0' || file[n] == '/' || (n && filter[n - 1] == '/');
}

static char *resolved_file(const char *file) {
  char resolved[PATH_MAX];
  return strdup(realpath(file, resolved) ? resolved : file);
}

/* Keeps the entries the filters name (all without filters); -1 when a
** filter names none. */
static int select_entries(struct run *r, char **filters, int nfilters) {
  r->selected = calloc(r->db.count + 1, sizeof *r->selected);
  char **absolute_filters = calloc((size_t)nfilters + 1, sizeof *absolute_filters);
  size_t *hits = calloc((size_t)nfilters + 1, sizeof *hits);
  int status = r->selected && absolute_filters && hits ? 0 : -1;
  for (int f = 0; status == 0 && f < nfilters; f++)
    if (!(absolute_filters[f] = absolute(filters[f]))) status = -1;
  for (size_t i = 0; status == 0 && i < r->db.count; i++) {
    char *file = resolved_file(r->db.entries[i].file);
    int keep = nfilters == 0;
    for (int f = 0; file && f < nfilters; f++)
      if (covers(absolute_filters[f], file) ||
          covers(absolute_filters[f], r->db.entries[i].file))
        keep = 1, hits[f]++;
    if (keep) r->selected[r->count++] = i;
    free(file);
  }
  for (int f = 0; status == 0 && f < nfilters; f++)
    if (!hits[f]) {
      fprintf(stderr, "memrules run: error: no entry of %s is for '%s'\n",
              r->db.path, filters[f]);
      status = -1;
    }
  for (int f = 0; f < nfilters; f++) free(absolute_filters[f]);
  free(absolute_filters);
  free(hits);
  return status;
}

/* The name a TU is shown by: relative to the current directory when under
** it. */
static char *shown_name(const char *file) {
  char cwd[PATH_MAX];
  size_t n = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
  if (n && strncmp(file, cwd, n) == 0 && file[n] == '/') return strdup(file + n + 1);
  return strdup(file);
}

static int prepare(struct run *r) {
  r->shown = calloc(r->count + 1, sizeof *r->shown);
  r->commands = calloc(r->count + 1, sizeof *r->commands);
  if (!r->shown || !r->commands) return -1;
  for (size_t i = 0; i < r->count; i++) {
    const struct mr_compdb_entry *e = &r->db.entries[r->selected[i]];
    r->shown[i] = shown_name(e->file);
    r->commands[i] = mr_rewrite(e->argv, &r->rewrite);
    if (!r->shown[i] || !r->commands[i]) return -1;
  }
  return 0;
}

static void print_commands(const struct run *r) {
  for (size_t i = 0; i < r->count; i++) {
    printf("cd ");
    mr_shell_quote(stdout, r->db.entries[r->selected[i]].directory);
    printf(" &&");
    for (char **a = r->commands[i]; *a; a++) {
      putchar(' ');
      mr_shell_quote(stdout, *a);
    }
    putchar('\n');
  }
}

static void exec_entry(void *context, size_t index) {
  struct run *r = context;
  const char *dir = r->db.entries[r->selected[index]].directory;
  if (chdir(dir) != 0) {
    fprintf(stderr, "memrules run: error: cannot enter %s: %s\n", dir, strerror(errno));
    return;
  }
  execvp(r->commands[index][0], r->commands[index]);
  fprintf(stderr, "memrules run: error: cannot run %s: %s\n", r->commands[index][0],
          strerror(errno));
}

static void started(void *context, size_t index) {
  struct run *r = context;
  mr_progress_started(&r->progress, r->shown[index]);
}

static char *read_all(int fd, size_t *length) {
  struct stat st;
  size_t size = fstat(fd, &st) == 0 ? (size_t)st.st_size : 0;
  char *text = malloc(size + 1);
  size_t n = 0;
  ssize_t got;
  while (text && n < size && (got = read(fd, text + n, size - n)) > 0) n += (size_t)got;
  *length = n;
  return text;
}

static void finished(void *context, size_t index, int status, int fd) {
  struct run *r = context;
  size_t length = 0;
  char *output = read_all(fd, &length);
  if (!output) {
    output = strdup("memrules run: error: out of memory reading the output\n");
    length = output ? strlen(output) : 0;
  }
  mr_tally_tu(&r->tally, output ? output : "", length, status);
  mr_progress_finished(&r->progress, r->shown[index], output ? output : "", length);
  free(output);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int execute(struct run *r, unsigned jobs) {
  double begin = now();
  r->tally.tus = r->count;
  mr_progress_init(&r->progress, stdout, r->count);
  struct mr_jobs spec = {r->count, jobs, r, exec_entry, started, finished};
  int stopped = mr_jobs_run(&spec);
  mr_progress_end(&r->progress);
  if (stopped < 0)
    fprintf(stderr, "memrules run: error: cannot start a compile: %s\n", strerror(errno));
  mr_tally_print(&r->tally, stdout, stopped > 0, now() - begin);
  if (stopped > 0) return 128 + stopped;
  return stopped < 0 ? 1 : mr_tally_status(&r->tally);
}

static void free_run(struct run *r) {
  for (size_t i = 0; i < r->count; i++) {
    if (r->shown) free(r->shown[i]);
    if (r->commands) mr_words_free(r->commands[i]);
  }
  free(r->shown);
  free(r->commands);
  free(r->selected);
  mr_compdb_free(&r->db);
}

enum { OPT_POLICY = 256, OPT_REPORT_DIR, OPT_WERROR, OPT_CLANG, OPT_PLUGIN, OPT_DRY_RUN };

struct options {
  const char *db, *policy, *report_dir, *clang, *plugin;
  long jobs;
  int werror, dry_run;
};

/* Returns -1 to exit 2 (bad usage), 1 to exit 0 (--help), 0 to go on. */
static int parse_options(int argc, char **argv, struct options *o) {
  static const struct option longs[] = {
      {"policy", required_argument, 0, OPT_POLICY},
      {"report-dir", required_argument, 0, OPT_REPORT_DIR},
      {"werror", no_argument, 0, OPT_WERROR},
      {"clang", required_argument, 0, OPT_CLANG},
      {"plugin", required_argument, 0, OPT_PLUGIN},
      {"dry-run", no_argument, 0, OPT_DRY_RUN},
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  int c;
  char *end;
  optind = 0; /* also resets GNU getopt's state */
  while ((c = getopt_long(argc, argv, "p:j:h", longs, NULL)) != -1) {
    switch (c) {
    case 'p': o->db = optarg; break;
    case 'j':
      o->jobs = strtol(optarg, &end, 10);
      if (*end || o->jobs < 1 || o->jobs > 1024) {
        fprintf(stderr, "memrules run: error: -j needs a number from 1 to 1024\n");
        return -1;
      }
      break;
    case OPT_POLICY: o->policy = optarg; break;
    case OPT_REPORT_DIR: o->report_dir = optarg; break;
    case OPT_WERROR: o->werror = 1; break;
    case OPT_CLANG: o->clang = optarg; break;
    case OPT_PLUGIN: o->plugin = optarg; break;
    case OPT_DRY_RUN: o->dry_run = 1; break;
    case 'h': usage(stdout); return 1;
    default: usage(stderr); return -1;
    }
  }
  if (!o->db) {
    fprintf(stderr, "memrules run: error: no compilation database (-p BUILD_DIR)\n");
    usage(stderr);
    return -1;
  }
  return 0;
}

/* The policy must exist, and both paths become absolute: commands run in
** their entries' directories. */
static int resolve_paths(const struct options *o, struct run *r) {
  if (o->policy) {
    if (access(o->policy, R_OK) != 0) {
      fprintf(stderr, "memrules run: %s: error: %s\n", o->policy, strerror(errno));
      return -1;
    }
    r->rewrite.policy = absolute(o->policy);
  }
  if (o->report_dir) {
    if (!o->dry_run && mkdir(o->report_dir, 0777) != 0 && errno != EEXIST) {
      fprintf(stderr, "memrules run: %s: error: %s\n", o->report_dir, strerror(errno));
      return -1;
    }
    r->rewrite.report_dir = absolute(o->report_dir);
  }
  return 0;
}

/* A missing clang or plugin would fail every TU the same way: say it once. */
static int usable(const char *path, const char *option, const char *env) {
  if (strchr(path, '/') ? access(path, R_OK) == 0 : 1) return 0;
  fprintf(stderr, "memrules run: %s: error: %s (choose another with %s or $%s)\n",
          path, strerror(errno), option, env);
  return -1;
}

int mr_cmd_run(int argc, char **argv) {
  struct options o = {0};
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  o.jobs = cpus > 0 ? cpus : 1;
  /* getopt_long wants the command name in argv[0]. */
  int parsed = parse_options(argc + 1, argv - 1, &o);
  if (parsed) return parsed < 0 ? 2 : 0;
  struct run r;
  memset(&r, 0, sizeof r);
  r.rewrite.clang = pick(o.clang, "MEMRULES_CLANG", MEMRULES_CLANG_PATH);
  r.rewrite.plugin = pick(o.plugin, "MEMRULES_PLUGIN", default_plugin());
  r.rewrite.werror = o.werror;
  /* clang colours only what goes to a terminal, and it writes to a file */
  r.rewrite.color = !o.dry_run && isatty(STDOUT_FILENO);
  int status = 2;
  if ((o.dry_run || (usable(r.rewrite.clang, "--clang", "MEMRULES_CLANG") == 0 &&
                     usable(r.rewrite.plugin, "--plugin", "MEMRULES_PLUGIN") == 0)) &&
      resolve_paths(&o, &r) == 0 && mr_compdb_load(o.db, &r.db) == 0 &&
      select_entries(&r, argv + optind - 1, argc + 1 - optind) == 0) {
    if (prepare(&r) < 0)
      fprintf(stderr, "memrules run: error: out of memory\n");
    else if (o.dry_run)
      print_commands(&r), status = 0;
    else
      status = execute(&r, (unsigned)o.jobs);
  }
  free((char *)r.rewrite.policy);
  free((char *)r.rewrite.report_dir);
  free_run(&r);
  return status;
}
