#!/usr/bin/env python3
"""Records the free lists a script finds after importing modules written in Python.

Importing `tracemalloc` or `weakref` (pure-Python modules) runs importlib and the module's code, which
leaves CPython's free lists (lists, dicts, floats, tuples by length, 3.8's method objects, 3.13's dict
keys) in a new state. Until the script's first full collection empties them, that state decides whether
a new list/dict/tuple takes a parked block (no traced bytes, no GC count) or a fresh one. It also
records whether the imports made the thread state's Py_Repr list (a container repr during the import).

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


DICT_KEYS_PROBE = """
import gc
import sys
{imports}
gc.disable()
keep = [None] * 200
cost = [0] * 200
b0 = sys.getallocatedblocks()
b1 = sys.getallocatedblocks()
for i in range(200):
    b0 = sys.getallocatedblocks()
    keep[i] = {{"k": i}}
    b1 = sys.getallocatedblocks()
    cost[i] = b1 - b0
print(*cost)
"""


def parked_dict_keys(python, modules, parked_dicts):
    """Before 3.13 _debugmallocstats does not list the dict-keys free list: count it by making one-key
    dicts and reading sys.getallocatedblocks(). A dict whose object or keys table comes from a free list
    costs one block less; the first parked_dicts dicts take parked objects, so a dict costing nothing took
    parked keys too, and after the parked objects run out a dict costing one block did."""
    code = DICT_KEYS_PROBE.format(imports="".join(f"import {m}\n" for m in modules))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "keys.py")
        with open(path, "w") as f:
            f.write(code)
        out = subprocess.run([python, path], capture_output=True, text=True, env=env, cwd=d).stdout
    cost = [int(x) for x in out.split()]
    n = 0
    for i, c in enumerate(cost):
        if c == 0 or (i >= parked_dicts and c == 1):
            n += 1
        else:
            break
    return n


REPR_LIST_PROBE = """
{imports}
import ctypes
get_dict = ctypes.pythonapi.PyThreadState_GetDict
get_dict.restype = ctypes.py_object
print("Py_Repr" in get_dict())
"""


def made_repr_list(python, modules):
    """Whether the imports made the thread state's dict and its Py_Repr list (Py_ReprEnter: a container repr
    during the import, e.g. 3.8's namedtuple). PyThreadState_GetDict, called through ctypes after the imports
    (ctypes itself makes no repr), shows the list; it lives on once made."""
    code = REPR_LIST_PROBE.format(imports="".join(f"import {m}\n" for m in modules))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "repr.py")
        with open(path, "w") as f:
            f.write(code)
        out = subprocess.run([python, path], capture_output=True, text=True, env=env, cwd=d).stdout
    return out.strip() == "True"


def main():
    for minor in VERSIONS:
        python = interpreter(minor)
        if python is None:
            continue
        print(f"// {minor}")
        for seq in SEQUENCES:
            c, t = census(python, seq)
            fields = [f"Lists = {c.get('PyList', 0)}", f"Dicts = {c.get('PyDict', 0)}", f"Floats = {c.get('PyFloat', 0)}"]
            keys = c["PyDictKeys"] if "PyDictKeys" in c else parked_dict_keys(python, seq, c.get("PyDict", 0))
            fields.append(f"DictKeys = {keys}")
            if "PyMethod" in c:
                fields.append(f"Methods = {c['PyMethod']}")
            if "PyCFunction" in c:
                fields.append(f"BuiltinMethods = {c['PyCFunction']}")
            if made_repr_list(python, seq):
                fields.append("MadeReprList = true")
            fields.append("Tuples = [" + ", ".join(map(str, t)) + "]")
            print(f'["{"+".join(seq)}"] = new FreeListCensus {{ {", ".join(fields)} }},')


if __name__ == "__main__":
    main()
