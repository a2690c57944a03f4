#!/usr/bin/env python3
"""A stand-in for clang in memrules run tests, chosen with --clang.

It acts by the source file's name (the argument ending in .c):
  chatty-*.c  prints five lines naming the file, pausing between them, so
              that outputs of parallel compiles would interleave if memrules
              run did not keep them apart;
  slow-*.c    records its pid and a child's pid in $FAKE_PIDS/, then sleeps
              (the child too) until killed;
  other       prints "<file>: done" and exits.
"""
import os
import subprocess
import sys
import time

source = [a for a in sys.argv[1:] if a.endswith(".c")][-1]
name = os.path.basename(source)
if name.startswith("chatty-"):
    for i in range(5):
        print("%s line %d" % (name, i), flush=True)
        time.sleep(0.05)
elif name.startswith("slow-"):
    child = subprocess.Popen(["sleep", "300"])
    with open(os.path.join(os.environ["FAKE_PIDS"], name), "w") as f:
        f.write("%d %d\n" % (os.getpid(), child.pid))
    time.sleep(300)
else:
    print("%s: done" % name, flush=True)
