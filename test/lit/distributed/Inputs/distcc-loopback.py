#!/usr/bin/env python3
"""distcc with memrules, for real, against a distccd on loopback.

Starts distccd on 127.0.0.1 (a free port, --allow 127.0.0.1, its own process
group, always killed at the end), then checks:
  1. a plain compile is distributed (the daemon works);
  2. a compile with -fplugin= is refused by distccd 3.4, which rejects
     -fplugin= as insecure (with DISTCC_FALLBACK=0 it fails);
  3. with distcc's default fallback that compile runs locally, and its
     findings equal a local build's, suppressions (comment and pragma)
     included.
Usage: distcc-loopback.py CLANG PLUGIN POLICY SOURCE WORKDIR
"""
import os
import re
import signal
import socket
import subprocess
import sys
import time

clang, plugin, policy, source, work = sys.argv[1:6]
os.makedirs(os.path.join(work, "distcc"), exist_ok=True)
log_path = os.path.join(work, "distccd.log")
# distccd runs only compilers masqueraded in /usr/lib/distcc: the versioned
# name (clang-19), which Debian's distcc links for every installed clang.
version = subprocess.run([clang, "--version"], capture_output=True, text=True).stdout
major = re.search(r"clang version (\d+)", version).group(1)
compiler = "clang-" + major
plugin_flags = ["-fplugin=" + plugin, "-fplugin-arg-memrules-policy=" + policy,
                "-fno-caret-diagnostics"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def start_daemon():
    """Returns (process, port); retries if another program took the port."""
    # Started as root, distccd runs as the user distcc (or nobody), which
    # needs a temporary directory of its own: not lit's private one.
    tmp = os.path.join(work, "distccd-tmp")
    os.makedirs(tmp, exist_ok=True)
    os.chmod(tmp, 0o1777)
    for _ in range(5):
        port = free_port()
        log = open(log_path, "w")
        daemon = subprocess.Popen(
            ["distccd", "--daemon", "--no-detach", "--listen", "127.0.0.1",
             "--allow", "127.0.0.1", "--port", str(port), "--jobs", "2",
             "--log-stderr", "--log-level", "info"],
            stdout=log, stderr=log, start_new_session=True,
            env=dict(os.environ, TMPDIR=tmp))
        deadline = time.time() + 15
        while daemon.poll() is None and time.time() < deadline:
            if listening(port):
                return daemon, port
            time.sleep(0.05)
        stop_daemon(daemon)
    sys.exit("distccd did not start; its log:\n" + open(log_path).read())


def stop_daemon(daemon):
    try:
        os.killpg(daemon.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        daemon.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(daemon.pid, signal.SIGKILL)
        daemon.wait()


def daemon_processes(port):
    """The distccd processes listening on port, read from /proc. (Not pgrep:
    in the sanitized test run every command gets the ASan runtime preloaded,
    and procps' pgrep then hangs in a futex.)"""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue  # gone meanwhile
        if argv and argv[0].endswith(b"distccd") and str(port).encode() in argv:
            found.append(int(pid))
    return found


def findings(stderr):
    """The compiler's diagnostics, without distcc's own messages."""
    return [l for l in stderr.splitlines()
            if re.search(r": (warning|error|note): ", l) and not l.startswith("distcc[")]


def distcc(port, args, fallback):
    env = dict(os.environ, DISTCC_HOSTS="127.0.0.1:%d" % port,
               DISTCC_DIR=os.path.join(work, "distcc"), DISTCC_FALLBACK=fallback)
    # The timeout guards against a client that retries for ever.
    return subprocess.run(["distcc", compiler] + args, capture_output=True,
                          text=True, env=env, cwd=work, timeout=60)


def log_has(text, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if text in open(log_path).read():
            return True
        time.sleep(0.1)
    return False


local = subprocess.run([clang] + plugin_flags + ["-c", source, "-o",
                                                 os.path.join(work, "local.o")],
                       capture_output=True, text=True)
expected = findings(local.stderr)
if local.returncode != 0 or not expected:
    sys.exit("local build: exit %d, no findings:\n%s" % (local.returncode, local.stderr))

daemon, port = start_daemon()
try:
    plain = distcc(port, ["-c", source, "-o", "plain.o"], "0")
    if plain.returncode != 0 or not log_has("COMPILE_OK"):
        sys.exit("a plain compile was not distributed:\n" + plain.stderr +
                 open(log_path).read())
    print("ok: a plain compile is distributed")

    refused = distcc(port, plugin_flags + ["-c", source, "-o", "refused.o"], "0")
    if refused.returncode == 0 or not log_has("-fplugin= and/or -specs= passed"):
        sys.exit("distccd ran the plugin compile (exit %d):\n%s%s" % (
            refused.returncode, refused.stderr, open(log_path).read()))
    print("ok: distccd refuses -fplugin= (without fallback the compile fails)")

    fallback = distcc(port, plugin_flags + ["-c", source, "-o", "fallback.o"], "1")
    got = findings(fallback.stderr)
    if fallback.returncode != 0 or got != expected:
        sys.exit("distcc findings differ from the local build's:\n--- local\n%s\n"
                 "--- distcc\n%s" % ("\n".join(expected), fallback.stderr))
    print("ok: with fallback the findings equal the local build's (%d lines)"
          % len(expected))
finally:
    stop_daemon(daemon)
if daemon_processes(port):
    sys.exit("distccd is still running")
print("ok: distccd stopped")
for line in expected:
    print(line)
