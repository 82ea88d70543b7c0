#!/usr/bin/env python3
"""Writes StartupStrings.Generated.cs: the strings a CPython 3.8 … 3.13 interpreter has already interned when a
script starts (besides the static strings of StaticStrings.Generated.cs): immortal ones (3.12+), and mortal
ones with the references start-up objects hold to each (up to 3.11 every interned string is mortal; 3.11's
statically allocated _Py_ID strings show a count near 10^9 and are listed with it).

    python3 generate-startup-strings.py [3.8=/path/to/python3.8 … 3.13=/path/to/python3.13]

Why: 3.13 interns the names of every code object immortal (intern_strings -> _PyUnicode_InternImmortal)
and so does PyUnicode_InternFromString (method, member and getset names of built-in types); the code of
the modules imported at start-up (site, os, io, codecs, encodings, ...) therefore leaves a few thousand
immortal strings, and a script's constant equal to one of them is that immortal string
(sys.getrefcount('other') is 4294967295 on 3.13). 3.12 makes every interned string immortal.

How (nothing is guessed):
 1. a script run by the interpreter prints the modules loaded when a script starts;
 2. the interpreter lists candidates: names in the code objects of those modules (the frozen code
    object for frozen modules, else compiled from the source),
    the keys of their namespaces and of their classes, the keys of every type's __dict__
    (object.__subclasses__(), recursively), every str a GC-tracked object refers to, and every
    identifier in the standard library's sources (C code interns keyword names into untracked tuples);
 3. a fresh interpreter runs a checker script: for each candidate it interns a new equal string and
    records whether the interned result was already there, immortal, or mortal with how many references
    start-up objects hold to it. The checker itself uses only
    names that are start-up names anyway (sys, intern, getrefcount, stdin, read, split, len, join,
    print, int) plus zz_-prefixed ones, which are dropped.
Strings the static table already has, and one-character strings (static latin-1 singletons), are left out.
"""
import os
import subprocess
import sys
import tempfile

from generated_cs import by_version, cs_array, cs_string, pyenv_python, write_cs

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "StartupStrings.Generated.cs")
STATIC = os.path.join(HERE, "StaticStrings.Generated.cs")

MODULES = "import sys\nprint('\\n'.join(sorted(sys.modules)))\n"

CANDIDATES = r'''
import sys, types, importlib, _imp
names = set()
def walk(co):
    names.update(co.co_names); names.update(co.co_varnames)
    names.update(co.co_cellvars); names.update(co.co_freevars)
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c)
for m in sys.stdin.read().split():
    if m == "__main__":
        continue
    mod = importlib.import_module(m)
    if _imp.is_frozen(m):
        walk(_imp.get_frozen_object(m))  # the code object start-up actually ran
    else:
        src = None
        try:
            src = mod.__spec__.loader.get_source(m)
        except Exception:
            pass
        if src:
            walk(compile(src, m, "exec"))
    for k, v in vars(mod).items():
        names.add(k)
        if isinstance(v, type):
            names.update(vars(v))
import gc
for o in gc.get_objects():
    for r in gc.get_referents(o):
        if type(r) is str:
            names.add(r)
seen = set()
todo = [object]
while todo:
    t = todo.pop()
    if t in seen:
        continue
    seen.add(t)
    names.update(k for k in vars(t) if isinstance(k, str))
    try:
        todo.extend(type.__subclasses__(t))
    except TypeError:
        pass
# Identifiers C code may have interned without leaving them in a tracked container (keyword lists,
# untracked tuples): every identifier of the standard library's sources is a candidate too.
import os, re, sysconfig
ident = re.compile(r"[A-Za-z_][A-Za-z0-9_]+")
for dirpath, dirnames, filenames in os.walk(sysconfig.get_path("stdlib")):
    dirnames[:] = [d for d in dirnames if d not in ("site-packages", "test", "tests", "idlelib")]
    for fn in filenames:
        if fn.endswith(".py"):
            with open(os.path.join(dirpath, fn), encoding="utf-8", errors="replace") as f:
                names.update(ident.findall(f.read()))
print("\n".join(sorted(n for n in names if isinstance(n, str) and len(n) > 1 and "\n" not in n and n.isprintable() and n.strip() == n and " " not in n)))
'''

CHECKER = r'''
import sys
zz_i = sys.intern
zz_r = sys.getrefcount
for zz_c in sys.stdin.read().split('\n'):
    if len(zz_c) > 1:
        zz_s = ''.join([zz_c[:1], zz_c[1:]])
        zz_t = zz_i(zz_s)
        print(int(zz_t is not zz_s), zz_r(zz_t), zz_c)
'''


def run_script(python, source, stdin=""):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "probe.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PYTHONIOENCODING"] = "utf-8"
        env["PYTHONHASHSEED"] = "0"
        return subprocess.run([python, path], input=stdin, capture_output=True, text=True, env=env,
                              cwd=d, check=True).stdout


def static_strings(label):
    name = "Py" + label.replace(".", "")
    text = open(STATIC, encoding="utf-8").read()
    if f"string[] {name} =" not in text:
        return set()  # up to 3.11 no static strings are interned at start-up by the static table
    body = text[text.index(f"string[] {name} ="):]
    body = body[:body.index("];")]
    import re
    return {bytes(m.group(1), "ascii").decode("unicode_escape") for m in re.finditer(r'"((?:[^"\\]|\\.)*)"', body)}


def startup_strings(label, python):
    modules = run_script(python, MODULES)
    candidates = run_script(python, CANDIDATES, modules)
    static = static_strings(label)
    immortal, mortal = [], []
    for line in run_script(python, CHECKER, candidates).splitlines():
        was_interned, refcount, s = line.split(" ", 2)
        if was_interned != "1" or s in static or s.startswith("zz_"):
            continue
        if int(refcount) >= 1 << 31:
            immortal.append(s)
        else:
            # references held elsewhere, besides the checker's name and getrefcount's argument
            mortal.append((s, int(refcount) - 2))
    version = run_script(python, "import sys\nprint('%d.%d.%d' % sys.version_info[:3])\n").strip()
    return version, sorted(immortal), sorted(mortal), [m for m in modules.split() if m != "__main__"]


def main(argv):
    targets = dict(a.split("=", 1) for a in argv) or {
        "3.8": pyenv_python("3.8.18"), "3.9": pyenv_python("3.9.18"), "3.10": pyenv_python("3.10.13"),
        "3.11": pyenv_python("3.11.7"), "3.12": pyenv_python("3.12.1"), "3.13": pyenv_python("3.13.0")}
    fields = []
    for label in by_version(targets):
        version, strings, mortal, modules = startup_strings(label, targets[label])
        name = "Py" + label.replace(".", "")
        fields += cs_array(f"CPython {version}: {len(strings)} immortal strings. Modules loaded at start-up: {', '.join(modules)}.",
                           f"internal static readonly string[] {name}", [cs_string(x) for x in strings], 6)
        fields += cs_array(f"CPython {version}: {len(mortal)} mortal interned strings and the references start-up objects hold to each.",
                           f"internal static readonly (string Text, int Holders)[] {name}Mortal",
                           [f"({cs_string(x)}, {h})" for x, h in mortal], 4)
    write_cs(OUT, ["Written by generate-startup-strings.py by probing each interpreter. Do not edit; re-run the script."],
             'Strings interned immortal by the time a script starts, besides <see cref="StaticStrings"/> (generated data).',
             "internal static partial class StartupStrings", fields)


if __name__ == "__main__":
    main(sys.argv[1:])
