#!/usr/bin/env python3
"""Records the free lists a script finds after importing modules written in Python.

Importing `tracemalloc` or `weakref` (pure-Python modules) runs importlib and the module's code, which
leaves CPython's free lists (lists, dicts, floats, tuples by length, 3.8's method objects, 3.13's dict
keys) in a new state. Until the script's first full collection empties them, that state decides whether
a new list/dict/tuple takes a parked block (no traced bytes, no GC count) or a fresh one.

For each installed CPython 3.8-3.13 (pyenv) and each import sequence, this runs a fresh interpreter
(clean environment: PYTHON* variables dropped), reads sys._debugmallocstats() and prints the
FreeListCensus initialisers pasted into src/PyHeapSim/Profiles/ImportedFreeLists.cs.
Usage: python3 record-import-freelists.py
"""
import os
import re
import subprocess
import tempfile

VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]
SEQUENCES = [["tracemalloc"], ["weakref"], ["tracemalloc", "weakref"], ["weakref", "tracemalloc"]]


def interpreter(minor):
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    for name in sorted(os.listdir(os.path.join(root, "versions"))):
        if name.startswith(minor + "."):
            return os.path.join(root, "versions", name, "bin", "python")
    return None


def census(python, modules):
    code = "import gc\nimport sys\n" + "".join(f"import {m}\n" for m in modules) + "sys._debugmallocstats()\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    # A script file, as the corpus is run: `python -c` starts with different free lists.
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "census.py")
        with open(path, "w") as f:
            f.write(code)
        out = subprocess.run([python, path], capture_output=True, text=True, env=env, cwd=d).stderr
    counts = {}
    tuples = {}
    for line in out.splitlines():
        m = re.match(r"\s*(\d+) free (\d+)-sized PyTupleObjects", line)
        if m:
            tuples[int(m.group(2))] = int(m.group(1))
            continue
        m = re.match(r"\s*(\d+) free (Py\w+)Objects?", line)
        if m:
            counts[m.group(2)] = int(m.group(1))
    n = max(tuples) if tuples else 0
    return counts, [tuples.get(k, 0) for k in range(1, n + 1)]


def main():
    for minor in VERSIONS:
        python = interpreter(minor)
        if python is None:
            continue
        print(f"// {minor}")
        for seq in SEQUENCES:
            c, t = census(python, seq)
            fields = [f"Lists = {c.get('PyList', 0)}", f"Dicts = {c.get('PyDict', 0)}", f"Floats = {c.get('PyFloat', 0)}"]
            if "PyDictKeys" in c:
                fields.append(f"DictKeys = {c['PyDictKeys']}")
            if "PyMethod" in c:
                fields.append(f"Methods = {c['PyMethod']}")
            if "PyCFunction" in c:
                fields.append(f"BuiltinMethods = {c['PyCFunction']}")
            fields.append("Tuples = [" + ", ".join(map(str, t)) + "]")
            print(f'["{"+".join(seq)}"] = new FreeListCensus {{ {", ".join(fields)} }},')


if __name__ == "__main__":
    main()
