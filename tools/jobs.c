#include "jobs.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* Seconds a stopped command has between SIGTERM and SIGKILL. */
enum { GRACE_SECONDS = 3 };

static volatile sig_atomic_t stop_signal;
static volatile sig_atomic_t grace_over;

static void on_stop(int sig) {
  if (!stop_signal) stop_signal = sig;
}
static void on_alarm(int sig) { (void)sig; grace_over = 1; }
static void on_child(int sig) { (void)sig; }

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define STOP_SIGNAL_COUNT (sizeof stop_signals / sizeof stop_signals[0])

struct running {
  pid_t pid;
  size_t index;
  int fd;
};

struct state {
  const struct mr_jobs *jobs;
  struct running *slots; /* jobs->max of them; pid 0 = free */
  unsigned active;
  sigset_t wait_mask; /* the mask to sleep with: everything we handle open */
  struct sigaction saved[STOP_SIGNAL_COUNT + 2];
};

static void handle(int sig, void (*fn)(int), struct sigaction *saved) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = fn;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, saved); /* no SA_RESTART: the loop checks flags */
}

/* Signals are blocked except while sleeping in sigsuspend, so a signal can
** never slip in between checking the flags and going to sleep. */
static void install(struct state *s, sigset_t *old_mask) {
  sigset_t block;
  sigemptyset(&block);
  for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++) sigaddset(&block, stop_signals[i]);
  sigaddset(&block, SIGCHLD);
  sigaddset(&block, SIGALRM);
  sigprocmask(SIG_BLOCK, &block, old_mask);
  s->wait_mask = *old_mask;
  for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
    sigdelset(&s->wait_mask, stop_signals[i]);
  sigdelset(&s->wait_mask, SIGCHLD);
  sigdelset(&s->wait_mask, SIGALRM);
  for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
    handle(stop_signals[i], on_stop, &s->saved[i]);
  handle(SIGCHLD, on_child, &s->saved[STOP_SIGNAL_COUNT]);
  handle(SIGALRM, on_alarm, &s->saved[STOP_SIGNAL_COUNT + 1]);
  stop_signal = 0;
  grace_over = 0;
}

static void uninstall(struct state *s, const sigset_t *old_mask) {
  alarm(0);
  for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
    sigaction(stop_signals[i], &s->saved[i], NULL);
  sigaction(SIGCHLD, &s->saved[STOP_SIGNAL_COUNT], NULL);
  sigaction(SIGALRM, &s->saved[STOP_SIGNAL_COUNT + 1], NULL);
  sigprocmask(SIG_SETMASK, old_mask, NULL);
}

static int capture_file(void) {
  const char *dir = getenv("TMPDIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/memrules-run-XXXXXX", dir && *dir ? dir : "/tmp");
  int fd = mkstemp(path);
  if (fd >= 0) unlink(path);
  return fd;
}

static void child(const struct mr_jobs *jobs, size_t index, int fd,
                  const sigset_t *old_mask, pid_t parent) {
  setpgid(0, 0);
  /* Should memrules run die without stopping it (SIGKILL), stop too. */
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (getppid() != parent) _exit(127);
  for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++) signal(stop_signals[i], SIG_DFL);
  signal(SIGCHLD, SIG_DFL);
  signal(SIGALRM, SIG_DFL);
  sigprocmask(SIG_SETMASK, old_mask, NULL);
  int null = open("/dev/null", O_RDONLY);
  if (null >= 0) dup2(null, STDIN_FILENO);
  dup2(fd, STDOUT_FILENO);
  dup2(fd, STDERR_FILENO);
  jobs->exec(jobs->context, index);
  _exit(127);
}

static int start(struct state *s, size_t index, const sigset_t *old_mask) {
  unsigned slot = 0;
  while (s->slots[slot].pid) slot++;
  int fd = capture_file();
  if (fd < 0) return -1;
  fflush(NULL); /* the child must not flush our buffered output again */
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    close(fd);
    return -1;
  }
  if (pid == 0) child(s->jobs, index, fd, old_mask, parent);
  setpgid(pid, pid); /* also here: no window where a kill(-pid) misses it */
  s->slots[slot] = (struct running){pid, index, fd};
  s->active++;
  if (s->jobs->started) s->jobs->started(s->jobs->context, index);
  return 0;
}

/* Collects every command that has ended; returns how many did. */
static unsigned reap(struct state *s) {
  unsigned reaped = 0;
  int status;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    for (unsigned i = 0; i < s->jobs->max; i++) {
      struct running *r = &s->slots[i];
      if (r->pid != pid) continue;
      if (!stop_signal) {
        lseek(r->fd, 0, SEEK_SET);
        s->jobs->finished(s->jobs->context, r->index, status, r->fd);
      }
      close(r->fd);
      r->pid = 0;
      s->active--;
      reaped++;
    }
  }
  return reaped;
}

static void signal_all(struct state *s, int sig) {
  for (unsigned i = 0; i < s->jobs->max; i++)
    if (s->slots[i].pid) kill(-s->slots[i].pid, sig);
}

int mr_jobs_run(const struct mr_jobs *jobs) {
  struct state s;
  memset(&s, 0, sizeof s);
  s.jobs = jobs;
  s.slots = calloc(jobs->max, sizeof(struct running));
  if (!s.slots) return -1;
  sigset_t old_mask;
  install(&s, &old_mask);
  size_t next = 0;
  int failed = 0, terminated = 0, killed = 0;
  for (;;) {
    while (!stop_signal && !failed && s.active < jobs->max && next < jobs->count)
      if (start(&s, next++, &old_mask) < 0) failed = errno;
    unsigned reaped = reap(&s);
    if (stop_signal && !terminated) {
      signal_all(&s, SIGTERM);
      alarm(GRACE_SECONDS);
      terminated = 1;
    }
    if (grace_over && !killed) {
      signal_all(&s, SIGKILL);
      killed = 1;
    }
    if (s.active == 0 && (stop_signal || failed || next == jobs->count)) break;
    if (!reaped) sigsuspend(&s.wait_mask);
  }
  uninstall(&s, &old_mask);
  free(s.slots);
  if (failed) {
    errno = failed;
    return -1;
  }
  return stop_signal;
}
