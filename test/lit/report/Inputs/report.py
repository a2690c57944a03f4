#!/usr/bin/env python3
"""Reads memrules per-TU reports for the lit tests (stdlib only).

  report.py show DIR               the one report in DIR, one fact per line
  report.py fingerprints DIR       "rule line fingerprint" per finding
  report.py baseline DIR RULE OUT  a baseline of RULE's findings in DIR
  report.py parallel DIR SRC       every SRC/**/*.c has exactly one valid
                                   report in DIR with as many findings as
                                   the file's "// expect N" says
"""
import glob
import json
import os
import re
import sys


def reports(folder):
    return sorted(glob.glob(os.path.join(folder, "*.memrules.json")))


def only_report(folder):
    found = reports(folder)
    if len(found) != 1:
        sys.exit("expected one report in %s, found %d" % (folder, len(found)))
    with open(found[0]) as f:
        text = f.read()
    if not text.startswith('{\n  "memrules_report": 1,'):
        sys.exit("the version key is not first")
    return found[0], json.loads(text)


def place(p):
    return "%s:%d:%d" % (p["file"], p["line"], p["column"])


def show(folder):
    name, r = only_report(folder)
    print("name", os.path.basename(name))
    print("tool", r["tool"]["name"], r["tool"]["version"])
    tu = r["tu"]
    print("tu file=%s directory=%s policy=%s root=%s"
          % (tu["file"], tu["directory"], tu["policy"], tu["root"]))
    for f in r["findings"]:
        ok = re.fullmatch(r"[0-9a-f]{16}", f["fingerprint"]) is not None
        print("finding %s %s %s %s function=%s hot=%s fingerprint-ok=%s"
              % (f["rule"], f["family"], f["severity"], place(f), f["function"],
                 f["hot"], ok))
        print("  message", f["message"])
        for n in f["notes"]:
            print("  note", place(n), n["message"])
        for x in f["fixits"]:
            print("  fixit %s-%d:%d %r" % (place(x), x["end_line"], x["end_column"],
                                          x["replacement"]))
    for b in r["baselined"]:
        print("baselined", b)
    c = r["census"]
    for family, n in sorted(c["alloc_sites"].items()):
        print("census alloc %s hot=%d other=%d" % (family, n["hot"], n["other"]))
    print("census copy hot=%(hot)d other=%(other)d" % c["copy_sites"])
    for kind in ("presized", "unsized"):
        print("census growth %s hot=%d other=%d"
              % (kind, c["growth_sites"][kind]["hot"], c["growth_sites"][kind]["other"]))
    for kind in ("presized", "unsized"):
        n = c["predictable_growth_sites"][kind]
        print("census growth predictable %s hot=%d other=%d" % (kind, n["hot"], n["other"]))
    print("census output hot=%(hot)d other=%(other)d" % c["output_string_sites"])
    for rule, n in sorted(c["findings"].items()):
        print("census findings %s hot=%d other=%d" % (rule, n["hot"], n["other"]))
    t = r["timing"]
    print("timing total_ms-is-number=%s rules=%s"
          % (isinstance(t["total_ms"], (int, float)) and t["total_ms"] >= 0,
             ",".join(sorted(t["rules"])) if "rules" in t else "absent"))


def fingerprints(folder):
    _, r = only_report(folder)
    for f in r["findings"]:
        print(f["rule"], f["line"], f["fingerprint"])


def baseline(folder, rule, out):
    _, r = only_report(folder)
    entries = [{"fingerprint": f["fingerprint"], "rule": f["rule"],
                "file": f["file"], "function": f["function"],
                "message": f["message"]}
               for f in r["findings"] if f["rule"] == rule]
    with open(out, "w") as f:
        json.dump({"memrules_baseline": 1, "findings": entries}, f, indent=2)


def parallel(folder, src):
    leftovers = [n for n in os.listdir(folder) if not n.endswith(".memrules.json")]
    if leftovers:
        sys.exit("not reports: %s" % leftovers[:5])
    expected = {}
    for path in glob.glob(os.path.join(src, "**", "*.c"), recursive=True):
        with open(path) as f:
            expected[os.path.abspath(path)] = int(re.search(r"// expect (\d+)", f.read()).group(1))
    seen = {}
    for name in reports(folder):
        with open(name) as f:
            r = json.load(f)
        tu = r["tu"]["file"]
        if not os.path.basename(name).startswith(os.path.splitext(os.path.basename(tu))[0] + "-"):
            sys.exit("%s is not named after %s" % (name, tu))
        if tu in seen:
            sys.exit("two reports for %s" % tu)
        seen[tu] = len(r["findings"])
    if seen != expected:
        missing = set(expected) - set(seen)
        wrong = [t for t in seen if seen[t] != expected.get(t)]
        sys.exit("missing %s; wrong counts %s" % (sorted(missing)[:5], wrong[:5]))
    print("%d reports, %d findings" % (len(seen), sum(seen.values())))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"show": show, "fingerprints": fingerprints, "baseline": baseline,
     "parallel": parallel}[command](*args)
