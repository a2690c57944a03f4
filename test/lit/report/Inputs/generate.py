#!/usr/bin/env python3
"""generate.py OUT DIRS NAMES: DIRS folders of NAMES TUs each, OUT/dI/tJ.c,
the same file names in every folder. TU number k has k % 3 alloc-in-loop
findings, which its "// expect N" line says."""
import os
import sys

out, dirs, names = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(dirs):
    os.makedirs(os.path.join(out, "d%d" % i), exist_ok=True)
    for j in range(names):
        k = i * names + j
        loops = "".join(
            "  for (int i = 0; i < n; i++) {\n"
            "    char *b%d = malloc(%d);\n"
            "    use(b%d);\n"
            "    free(b%d);\n"
            "  }\n" % (m, m + 1, m, m) for m in range(k % 3))
        with open(os.path.join(out, "d%d" % i, "t%d.c" % j), "w") as f:
            f.write("// expect %d\n#include <stdlib.h>\nvoid use(void *p);\n"
                    "void f%d(int n) {\n%s}\n" % (k % 3, k, loops))
