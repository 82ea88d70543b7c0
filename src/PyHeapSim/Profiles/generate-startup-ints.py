#!/usr/bin/env python3
"""Writes StartupInts.Generated.cs: how many references start-up objects hold to each cached small int
(-5 … 256) when a CPython 3.8 … 3.11 script starts. From 3.12 they are immortal and report a fixed count.

    python3 generate-startup-ints.py [3.8=/path/to/python3.8 … 3.11=/path/to/python3.11]

Why: up to 3.11 the small ints are ordinary counted objects shared by everything the interpreter built at
start-up (code constants, tuples, dicts of the start-up modules), so sys.getrefcount(1) in a script prints
that start-up count plus the script's own references. 3.11's deep-frozen small ints start at 999 999 999.

How: a fresh interpreter reads the values as text from stdin and rebuilds each with int() (so the checker
has no int constants of its own), then prints sys.getrefcount(v) minus its two references (the name v and
the call's argument).
"""
import os
import subprocess
import sys

from generated_cs import by_version, cs_array, pyenv_python, write_cs

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "StartupInts.Generated.cs")

CHECKER = r'''
import sys
zz_r = sys.getrefcount
for zz_s in sys.stdin.read().split():
    zz_v = int(zz_s)
    print(zz_s, zz_r(zz_v))
'''


def holders(python):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    values = " ".join(str(v) for v in range(-5, 257))
    out = subprocess.run([python, "-c", CHECKER], input=values, capture_output=True, text=True, env=env,
                         check=True).stdout
    counts = {}
    for line in out.splitlines():
        s, rc = line.split()
        counts[int(s)] = int(rc) - 2
    version = subprocess.run([python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
                             capture_output=True, text=True, env=env, check=True).stdout.strip()
    return version, [counts[v] for v in range(-5, 257)]


def main(argv):
    targets = dict(a.split("=", 1) for a in argv) or {
        "3.8": pyenv_python("3.8.18"), "3.9": pyenv_python("3.9.18"),
        "3.10": pyenv_python("3.10.13"), "3.11": pyenv_python("3.11.7")}
    fields = []
    for label in by_version(targets):
        version, counts = holders(targets[label])
        fields += cs_array(f"CPython {version}: index = value + 5.", f"internal static readonly long[] Py{label.replace('.', '')}",
                           [str(c) for c in counts], 12)
    write_cs(OUT, ["Written by generate-startup-ints.py by probing each interpreter. Do not edit; re-run the script."],
             "References start-up objects hold to each cached small int, -5 … 256 (generated data).",
             "internal static class StartupInts", fields)


if __name__ == "__main__":
    main(sys.argv[1:])
