#!/usr/bin/env python3
"""Ctrl-C on memrules run: sends SIGINT to a run over slow compiles and checks
that it exits 130, printed what had finished and an "interrupted" summary,
and left no compile (nor a compile's own child) running.
Usage: interrupt.py MEMRULES FAKE_COMPILER WORKDIR"""
import json
import os
import signal
import subprocess
import sys
import time

memrules, fake, work = sys.argv[1:4]
pids_dir = os.path.join(work, "pids")
os.makedirs(pids_dir, exist_ok=True)
files = ["fast.c", "slow-1.c", "slow-2.c", "slow-3.c"]
with open(os.path.join(work, "compile_commands.json"), "w") as f:
    json.dump([{"directory": work, "file": n, "arguments": ["cc", "-c", n]}
               for n in files], f)
run = subprocess.Popen(
    [memrules, "run", "-p", work, "-j", "2", "--clang", fake, "--plugin", fake],
    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    env=dict(os.environ, FAKE_PIDS=pids_dir))


def wait_for(what, test, seconds=30):
    deadline = time.time() + seconds
    while not test():
        if time.time() > deadline:
            run.kill()
            sys.exit("timed out waiting for " + what)
        time.sleep(0.05)


# fast.c ends at once; then two slow compiles run at a time.
wait_for("two slow compiles", lambda: len(os.listdir(pids_dir)) == 2)
time.sleep(0.2)  # the pid files are written before the sleep starts
pids = []
for name in os.listdir(pids_dir):
    with open(os.path.join(pids_dir, name)) as f:
        pids += [int(p) for p in f.read().split()]
run.send_signal(signal.SIGINT)
try:
    out, _ = run.communicate(timeout=30)
except subprocess.TimeoutExpired:
    run.kill()
    sys.exit("memrules run did not stop on SIGINT")
out = out.decode()
print(out)


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone for our purpose; its parent (init) reaps it.
    with open("/proc/%d/stat" % pid) as f:
        return f.read().split(")")[-1].split()[0] != "Z"


wait_for("the compiles to go", lambda: not any(alive(p) for p in pids), 10)
if run.returncode != 130:
    sys.exit("exit status %d, not 130" % run.returncode)
for want in ["[1/4] ", "fast.c\nfast.c: done",
             "memrules run: interrupted: 1 of 4 TUs checked"]:
    if want not in out:
        sys.exit("missing from the output: " + want)
if "slow-" in out:
    sys.exit("a stopped compile was reported")
print("ok: exit 130, %d processes gone" % len(pids))
