#!/usr/bin/env python3
"""Checks memrules run's output of chatty-*.c compiles (fake-compiler.py):
every "[n/N] chatty-K.c" line is followed by exactly that file's five lines,
and every file appears once. Usage: interleave.py N < output"""
import re
import sys

count = int(sys.argv[1])
lines = sys.stdin.read().splitlines()
seen = set()
i = 0
while i < len(lines):
    m = re.match(r"\[(\d+)/%d\] .*?(chatty-\d+\.c)$" % count, lines[i])
    if m:
        name = m.group(2)
        want = ["%s line %d" % (name, k) for k in range(5)]
        got = lines[i + 1:i + 6]
        if got != want:
            sys.exit("output of %s is not whole: %r" % (name, got))
        seen.add(name)
        i += 6
    else:
        i += 1
if len(seen) != count:
    sys.exit("saw %d of %d files" % (len(seen), count))
print("ok: %d outputs, each whole" % count)
