#!/usr/bin/env python3
"""Writes StaticStrings.Generated.cs: the statically allocated strings each CPython version interns at
start-up, read from that version's own headers.

    python3 generate-static-strings.py [3.12=/path/to/python3.12 3.13=/path/to/python3.13]

Without arguments the pyenv builds 3.12.1 and 3.13.0 are used. For each interpreter the script reads
Include/internal/pycore_unicodeobject_generated.h (installed under include/python3.X/internal): the
body of _PyUnicode_InitStaticStrings names every `_Py_ID(x)` (the identifier x) and `_Py_STR(name)`
(a literal, looked up in pycore_global_strings.h) that start-up interns, so a later interning of an
equal string returns the static, immortal object (3.12 _PyUnicode_InternInPlace, 3.13 intern_common).
The one-character latin-1 strings and '' are static too; the core models those separately.
"""
import os
import re
import subprocess
import sys

from generated_cs import cs_array, cs_string, pyenv_python, write_cs

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "StaticStrings.Generated.cs")


def internal_dir(python):
    code = "import sysconfig; print(sysconfig.get_path('include'))"
    include = subprocess.check_output([python, "-c", code], text=True).strip()
    return os.path.join(include, "internal")


def c_literal(text):
    """The value of a C string literal body (only the escapes these headers use)."""
    return bytes(text, "ascii").decode("unicode_escape")


def static_strings(python):
    d = internal_dir(python)
    with open(os.path.join(d, "pycore_global_strings.h"), encoding="utf-8") as f:
        globals_h = f.read()
    literals = {m.group(1): c_literal(m.group(2))
                for m in re.finditer(r'STRUCT_FOR_STR\((\w+), "((?:[^"\\]|\\.)*)"\)', globals_h)}
    with open(os.path.join(d, "pycore_unicodeobject_generated.h"), encoding="utf-8") as f:
        generated = f.read()
    body = generated[generated.index("_PyUnicode_InitStaticStrings"):]
    body = body[:body.index("\n}\n")]
    result = []
    for m in re.finditer(r"string = &_Py_(ID|STR)\((\w+)\);", body):
        result.append(m.group(2) if m.group(1) == "ID" else literals[m.group(2)])
    version = subprocess.check_output(
        [python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], text=True).strip()
    return version, result


def main(argv):
    targets = dict(a.split("=", 1) for a in argv) or {"3.12": pyenv_python("3.12.1"), "3.13": pyenv_python("3.13.0")}
    fields = []
    for label in sorted(targets):
        version, strings = static_strings(targets[label])
        fields += cs_array(f"CPython {version}: {len(strings)} strings, in _PyUnicode_InitStaticStrings order.",
                           f"internal static readonly string[] Py{label.replace('.', '')}", [cs_string(x) for x in strings], 6)
    write_cs(OUT, ["Written by generate-static-strings.py from each CPython's Include/internal/pycore_unicodeobject_generated.h",
                   "(_PyUnicode_InitStaticStrings) and pycore_global_strings.h. Do not edit; re-run the script."],
             "The statically allocated strings that start-up interns, per version (generated data).",
             "internal static partial class StaticStrings", fields)


if __name__ == "__main__":
    main(sys.argv[1:])
