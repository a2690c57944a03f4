"""Shared helpers for bench/overhead and bench/findings (python3 stdlib only)."""

import os
import shlex
import shutil
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
CORPUS = os.path.join(BENCH, "corpus")
DEFAULT_PLUGIN = os.path.join(REPO, "build", "plugin", "libmemrules.so")
ALL_PKGS = ["sqlite3", "lua5.4", "zlib", "redis", "leveldb"]
CLANG = os.environ.get("CLANG", "clang-19")

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
        return os.path.relpath(self.path, os.path.join(CORPUS, self.pkg))


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
