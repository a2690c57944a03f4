"""Shared helpers for bench/overhead and bench/findings (python3 stdlib only)."""

import collections
import concurrent.futures
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
CORPUS = os.path.join(BENCH, "corpus")
DEFAULT_PLUGIN = os.path.join(REPO, "build", "plugin", "libmemrules.so")
OUT = os.path.join(BENCH, "out")
ALL_PKGS = ["sqlite3", "lua5.4", "zlib", "redis", "leveldb"]
CLANG = os.environ.get("CLANG", "clang-19")
CLANG_TIDY = os.environ.get("CLANG_TIDY", "clang-tidy-19")
# The built-in profiles as policy files (bench/policies/<name>.yaml).
POLICIES = os.path.join(BENCH, "policies")

# "file:line:col: warning: message [memrules-rule]" (possibly followed by
# clang's own ",-W..." flag group); also error/remark when a policy raises or
# lowers the severity.  Notes are not findings.
# The plugin's untagged "[memrules]" complaints (policy problems, unused
# suppressions) are counted under "memrules".
DIAG_RE = re.compile(r": (warning|error|remark): .*\[(memrules(?:-[A-Za-z0-9_.-]+)?)[\],]")

# Text clang prints when the compiler itself crashed (as opposed to a
# diagnostic in the code).
CRASH_MARKERS = (
    "PLEASE submit a bug report",
    "frontend command failed due to signal",
    "Stack dump:",
)


def die(msg, code=2):
    print("error: " + msg, file=sys.stderr)
    sys.exit(code)


class TU:
    """One translation unit: source file plus its compile flags."""

    def __init__(self, pkg, path, flags):
        self.pkg = pkg
        self.path = path
        self.flags = flags

    @property
    def name(self):
        # realpath both: bench/corpus may be a symlink to another checkout.
        return os.path.relpath(os.path.realpath(self.path),
                               os.path.realpath(os.path.join(CORPUS, self.pkg)))


def load_tus(pkg):
    """Read bench/corpus/<pkg>/files.txt written by bench/fetch-corpus."""
    if pkg not in ALL_PKGS:
        die("unknown package %r (known: %s)" % (pkg, " ".join(ALL_PKGS)))
    lst = os.path.join(CORPUS, pkg, "files.txt")
    if not os.path.isfile(lst):
        die("%s missing: run bench/fetch-corpus %s first" % (lst, pkg))
    tus = []
    with open(lst) as f:
        for line in f:
            words = shlex.split(line)
            if not words:
                continue
            tus.append(TU(pkg, words[0], words[1:]))
    if not tus:
        die("%s lists no translation units" % lst)
    return tus


def check_clang():
    if shutil.which(CLANG) is None:
        die("%s not found (set CLANG=...)" % CLANG)


def plugin_args(plugin, policy=None, extra=()):
    """Arguments that load memrules into clang."""
    args = ["-fplugin=" + plugin]
    if policy:
        args.append("-fplugin-arg-memrules-policy=" + policy)
    args.extend(extra)
    return args


def check_plugin(plugin, policy):
    if not os.path.isfile(plugin):
        die("plugin %s does not exist (build it, or pass --plugin PATH)" % plugin)
    if policy and not os.path.isfile(policy):
        die("policy file %s does not exist" % policy)


def is_crash(returncode, stderr):
    # subprocess reports death by signal as a negative code; the clang driver
    # reports a crashed frontend with exit status >= 128 or crash text.
    if returncode < 0 or returncode >= 128:
        return True
    return any(m in stderr for m in CRASH_MARKERS)


def error_lines(stderr, limit=10):
    """The first `limit` lines that are errors/fatal errors or crash text."""
    out = []
    for line in stderr.splitlines():
        if (": error:" in line or ": fatal error:" in line or "error:" in line[:20]
                or any(m in line for m in CRASH_MARKERS)):
            out.append(line)
            if len(out) >= limit:
                break
    return out


def snapshot_plugin(plugin):
    """Copy the plugin to a private temporary file and return its path.

    Other people rebuild build/plugin/libmemrules.so while a benchmark runs;
    a half-written .so makes clang fail ("file too short") mid-run.  The copy
    is removed when the script exits.
    """
    import atexit
    import tempfile
    d = tempfile.mkdtemp(prefix="memrules-bench-")
    dst = os.path.join(d, os.path.basename(plugin))
    shutil.copy2(plugin, dst)
    atexit.register(shutil.rmtree, d, True)
    return dst


def describe_plugin(plugin):
    """'sha256:<12 hex>, built <mtime>' so a result names the exact build."""
    import hashlib
    with open(plugin, "rb") as f:
        h = hashlib.sha256(f.read()).hexdigest()[:12]
    return "sha256:%s, built %s" % (
        h, time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.path.getmtime(plugin))))


def discovered_policy(path=CORPUS):
    """The .memrules.yaml the plugin would discover above `path`, if any
    (without --policy the plugin looks upward from each source file)."""
    d = os.path.abspath(path)
    while True:
        f = os.path.join(d, ".memrules.yaml")
        if os.path.isfile(f):
            return f
        up = os.path.dirname(d)
        if up == d:
            return None
        d = up


def profile_policy(name):
    """bench/policies/<name>.yaml: `extends: <name>` and nothing else."""
    return os.path.join(POLICIES, name + ".yaml")


class Sample:
    """One finished compile: wall and user+sys CPU seconds, peak RSS in KiB,
    exit status, (if captured) its stderr, and whether it was killed at the
    time limit (its times are then lower bounds)."""

    __slots__ = ("wall", "cpu", "rss_kb", "rc", "err", "timed_out")

    def __init__(self, wall, cpu, rss_kb, rc, err, timed_out=False):
        self.wall, self.cpu, self.rss_kb, self.rc, self.err = wall, cpu, rss_kb, rc, err
        self.timed_out = timed_out


def _wait(p, timeout):
    """wait4() on p; with a timeout, poll and kill it when time is up.
    Returns (status, rusage, timed_out)."""
    if timeout is None:
        _, status, ru = os.wait4(p.pid, 0)
        return status, ru, False
    deadline = time.perf_counter() + timeout
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            return status, ru, False
        if time.perf_counter() > deadline:
            p.kill()
            _, status, ru = os.wait4(p.pid, 0)
            return status, ru, True
        time.sleep(0.05)


def run_measured(cmd, capture=False, timeout=None):
    """Run cmd and measure it with wait4(): the rusage is this child's own
    (clang-19 runs cc1 in-process, so that is the whole compile), which stays
    right when several compiles run at once.  CPU time (user+sys) is less
    disturbed than wall time by other jobs on a shared machine.  With a
    timeout (seconds), a compile still running then is killed."""
    err = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=err)
        status, ru, timed_out = _wait(p, timeout)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        text = None
        if capture:
            err.seek(0)
            text = err.read().decode(errors="replace")
    finally:
        if capture:
            err.close()
    return Sample(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, p.returncode, text,
                  timed_out)


def interleave(tus, variants, runs, on_sample=None):
    """Time every variant on every TU, interleaved (TU 1 with each variant,
    TU 2 with each variant, ..., then the next run, the variants' order
    rotating) so that load drift and order effects hit all variants alike.  variants: list of (name, cmd_of_tu, runs or None),
    optionally with a 4th item, a per-compile time limit in seconds; a
    variant with its own smaller run count is only timed in its first runs.
    Returns {name: {tu.path: [Sample, ...]}}."""
    out = {v[0]: {tu.path: [] for tu in tus} for v in variants}
    for run in range(runs):
        for i, tu in enumerate(tus):
            # The order of the variants turns with every compile: of two
            # back-to-back compiles of one TU the second tends to be faster
            # (about 1% here), which a fixed order would credit to one side.
            turn = (run + i) % len(variants)
            for name, cmd_of, vruns, *limit in variants[turn:] + variants[:turn]:
                if vruns is not None and run >= vruns:
                    continue
                s = run_measured(cmd_of(tu), timeout=limit[0] if limit else None)
                out[name][tu.path].append(s)
                if on_sample:
                    on_sample(name, tu, run, s)
    return out


def compile_output(cmd):
    """(exit status, stdout+stderr, wall s) of one compile."""
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    return r.returncode, r.stdout.decode(errors="replace"), time.perf_counter() - t0


FINDINGS_FLAGS = ["-fsyntax-only", "-fno-crash-diagnostics",
                  "-fdiagnostics-show-option", "-fno-color-diagnostics"]


def scan_findings(pkgs, plugin_copy, plugin, policy, extra, jobs, say,
                  out_suffix="", check_plain=False):
    """Compile every TU of pkgs with the plugin (-fsyntax-only), count the
    [memrules-*] diagnostics per rule per package, and write each package's
    full output to bench/out/<pkg><out_suffix>.txt.

    Returns (counts {pkg: Counter}, crashes [(pkg, tu, rc)], errors
    [(pkg, tu, rc, lines)], plugin_failures [(pkg, tu)]).  An error is a
    failed compile whose error lines are not memrules findings; with
    check_plain, each such TU is compiled again without the plugin and, if
    that succeeds, it is a plugin-caused failure as well."""
    os.makedirs(OUT, exist_ok=True)
    crashes, errors, plugin_failures = [], [], []
    counts = collections.OrderedDict()
    for pkg in pkgs:
        tus = load_tus(pkg)
        cmds = [[CLANG] + FINDINGS_FLAGS + plugin_args(plugin_copy, policy, extra)
                + tu.flags + [tu.path] for tu in tus]
        t0 = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max(1, jobs)) as ex:
            results = list(ex.map(compile_output, cmds))
        wall = time.perf_counter() - t0
        cnt = collections.Counter()
        outfile = os.path.join(OUT, pkg + out_suffix + ".txt")
        with open(outfile, "w") as out:
            for tu, cmd, (rc, text, dt) in zip(tus, cmds, results):
                out.write("### %s  (exit %d, %.2f s)\n### %s\n"
                          % (tu.name, rc, dt, " ".join(cmd).replace(plugin_copy, plugin)))
                out.write(text)
                if text and not text.endswith("\n"):
                    out.write("\n")
                out.write("\n")
                for line in text.splitlines():
                    m = DIAG_RE.search(line)
                    if m:
                        cnt[m.group(2)] += 1
                failed = _judge(pkg, tu, rc, text, say, crashes, errors)
                if failed and check_plain:
                    plain = [CLANG] + FINDINGS_FLAGS + tu.flags + [tu.path]
                    if compile_output(plain)[0] == 0:
                        plugin_failures.append((pkg, tu.name))
                        say("  PLUGIN-CAUSED FAILURE: %s %s compiles without the plugin"
                            % (pkg, tu.name))
        counts[pkg] = cnt
        say("%-8s %3d TUs, %5d findings, %.1f s wall -> %s"
            % (pkg, len(tus), sum(cnt.values()), wall, os.path.relpath(outfile)))
    return counts, crashes, errors, plugin_failures


def _judge(pkg, tu, rc, text, say, crashes, errors):
    """Record a crash or a non-finding error of one compile; True if the
    compile failed for a reason other than memrules findings."""
    if is_crash(rc, text):
        crashes.append((pkg, tu.name, rc))
        say("!!! CRASH: %s %s (exit %d)" % (pkg, tu.name, rc))
        for ln in text.splitlines():
            if "Stack dump" in ln or ln.startswith(("0.", "1.", "2.", "3.")):
                say("!!!     " + ln)
        return True
    if rc == 0:
        return False
    # A failure is fine only if every error line is a memrules finding a
    # policy raised to an error.
    bad = [ln for ln in error_lines(text, 1000) if not DIAG_RE.search(ln)]
    if not bad:
        return False
    errors.append((pkg, tu.name, rc, bad))
    say("  ERROR (not a finding): %s %s (exit %d):" % (pkg, tu.name, rc))
    for ln in bad[:5]:
        say("      " + ln)
    if any("unable to load plugin" in ln for ln in bad):
        die("clang could not load the plugin")
    return True


def ensure_tool(tool, package):
    """Install the Debian package that provides `tool` if it is missing
    (as bench/fuzz does for libclang-rt)."""
    if shutil.which(tool):
        return
    print("bench: installing %s (for %s)" % (package, tool), flush=True)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                           package], check=True, env=env)
    if not shutil.which(tool):
        die("%s still not found after installing %s" % (tool, package))
