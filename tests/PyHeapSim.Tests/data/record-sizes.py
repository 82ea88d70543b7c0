#!/usr/bin/env python3
"""Record sys.getsizeof() ground truth for PyHeapSim tests.

Run once per interpreter; each run writes sizes/<major>.<minor>.json next to
this script (see README.md in this directory for the meaning of every key).

    python3.11 record-sizes.py              # writes sizes/3.11.json
    python3 record-sizes.py --all           # runs itself under 3.8 ... 3.13

Stdlib only; must keep working on CPython 3.8 through 3.13 (no newer syntax).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import weakref

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT_DIR = os.path.join(HERE, "sizes")
WANTED_VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]

sz = sys.getsizeof


# ---------------------------------------------------------------------------
# list
# ---------------------------------------------------------------------------

def seq_list(S):
    l = []
    out = [sz(l)]
    for _ in range(2000):
        l.append(None)
        out.append(sz(l))
    S["list_append"] = out

    l = []
    out = [sz(l)]
    for _ in range(2000):
        l.insert(0, None)
        out.append(sz(l))
    S["list_insert_front"] = out

    l = []
    out = [sz(l)]
    for _ in range(500):
        l.insert(len(l) // 2, None)
        out.append(sz(l))
    S["list_insert_middle"] = out

    l = []
    for _ in range(2000):
        l.append(None)
    out = [sz(l)]
    while l:
        l.pop()
        out.append(sz(l))
    S["list_pop_from_append_2000"] = out

    l = []
    for _ in range(500):
        l.append(None)
    out = [sz(l)]
    while l:
        l.pop(0)
        out.append(sz(l))
    S["list_pop_front_from_append_500"] = out

    l = []
    for i in range(300):
        l.append(i)
    out = [sz(l)]
    for i in range(300):
        l.remove(i)
        out.append(sz(l))
    S["list_remove_from_append_300"] = out

    out = []
    for n in range(201):
        l = []
        l.extend([None] * n)
        out.append(sz(l))
    S["list_extend_from_empty_by_list_n"] = out

    out = []
    for n in range(201):
        l = []
        l.extend(tuple(range(n)))
        out.append(sz(l))
    S["list_extend_from_empty_by_tuple_n"] = out

    out = []
    for n in range(201):
        l = []
        l.extend(range(n))
        out.append(sz(l))
    S["list_extend_from_empty_by_range_n"] = out

    out = []
    for n in range(201):
        l = []
        l.extend(x for x in range(n))
        out.append(sz(l))
    S["list_extend_from_empty_by_genexpr_n"] = out

    l = []
    l.append(None)
    l.append(None)
    l.append(None)
    out = [sz(l)]
    for k in range(1, 61):
        l.extend([None] * k)
        out.append(sz(l))
    S["list_extend_nonempty"] = out

    S["list_from_range_n"] = [sz(list(range(n))) for n in range(301)]
    S["list_from_tuple_n"] = [sz(list(tuple(range(n)))) for n in range(101)]
    S["list_from_list_n"] = [sz(list(list(range(n)))) for n in range(101)]
    S["list_from_iter_n"] = [sz(list(iter(range(n)))) for n in range(101)]
    S["list_from_genexpr_n"] = [sz(list(x for x in range(n))) for n in range(101)]
    S["list_repeat_n"] = [sz([None] * n) for n in range(301)]

    out = []
    for n in range(301):
        l = [i for i in range(n)]
        out.append(sz(l))
    S["list_comprehension_n"] = out

    out = []
    for n in range(51):
        l = []
        for _ in range(n):
            l.append(None)
        l.clear()
        out.append(sz(l))
    S["list_clear_after_n"] = out

    out = []
    for n in range(61):
        l = list(range(n))
        del l[2:n // 2]
        out.append(sz(l))
    S["list_slice_del"] = out

    out = []
    for n in range(61):
        l = list(range(n))
        l[1:2] = [None] * 5
        out.append(sz(l))
    S["list_slice_assign_grow"] = out

    S["list_copy_n"] = [sz(list(range(n)).copy()) for n in range(101)]
    S["list_slice_copy_n"] = [sz(list(range(n))[:]) for n in range(101)]
    S["list_concat_n"] = [sz(list(range(n)) + list(range(n))) for n in range(101)]

    l = list(range(3))
    out = [sz(l)]
    for _ in range(8):
        l *= 2
        out.append(sz(l))
    S["list_inplace_repeat"] = out

    S["sorted_range_n"] = [sz(sorted(range(n))) for n in range(101)]


# ---------------------------------------------------------------------------
# dict
# ---------------------------------------------------------------------------

def seq_dict(S):
    d = {}
    out = [sz(d)]
    for i in range(2000):
        d[i] = None
        out.append(sz(d))
    S["dict_insert_int"] = out

    # continue with the same dict: delete every key in insertion order
    out = [sz(d)]
    for i in range(2000):
        del d[i]
        out.append(sz(d))
    S["dict_delete_int_from_2000"] = out

    d = {}
    out = [sz(d)]
    for i in range(2000):
        d["k%d" % i] = None          # exact str, created at run time, not interned
        out.append(sz(d))
    S["dict_insert_str"] = out

    d = {}
    out = [sz(d)]
    for i in range(2000):
        d[sys.intern("k%d" % i)] = None
        out.append(sz(d))
    S["dict_insert_str_interned"] = out

    d = {}
    for i in range(100):
        d[i] = None
    out = [sz(d)]
    for i in range(95):
        del d[i]
        out.append(sz(d))
    for i in range(1000, 1100):
        d[i] = None
        out.append(sz(d))
    S["dict_delete_then_reinsert"] = out

    d = {}
    out = [sz(d)]
    for k in ("a", "b", "c"):
        d[k] = None
        out.append(sz(d))
    for i in range(31):
        d[i] = None
        out.append(sz(d))
    S["dict_insert_mixed_str_then_int"] = out

    S["dict_fromkeys_range_n"] = [sz(dict.fromkeys(range(n))) for n in range(101)]
    S["dict_from_pairs_n"] = [sz(dict(zip(range(n), range(n)))) for n in range(101)]
    S["dict_from_tuple_list_n"] = [sz(dict([(i, None) for i in range(n)])) for n in range(101)]
    S["dict_comprehension_n"] = [sz({i: None for i in range(n)}) for n in range(101)]

    copies = []
    froms = []
    for n in range(101):
        d = {}
        for i in range(n):
            d[i] = None
        copies.append(sz(d.copy()))
        froms.append(sz(dict(d)))
    S["dict_copy_after_insert_n"] = copies
    S["dict_from_dict_after_insert_n"] = froms

    out = []
    for n in range(51):
        d = {}
        for i in range(n):
            d[i] = None
        d.clear()
        out.append(sz(d))
    S["dict_clear_after_n"] = out


# ---------------------------------------------------------------------------
# set / frozenset
# ---------------------------------------------------------------------------

def seq_set(S):
    s = set()
    out = [sz(s)]
    for i in range(2000):
        s.add(i)
        out.append(sz(s))
    S["set_add"] = out

    out = [sz(s)]
    for i in range(2000):
        s.discard(i)
        out.append(sz(s))
    S["set_discard_from_2000"] = out

    S["set_from_range_n"] = [sz(set(range(n))) for n in range(301)]
    S["set_from_set_n"] = [sz(set(set(range(n)))) for n in range(301)]
    S["set_from_list_n"] = [sz(set(list(range(n)))) for n in range(301)]
    S["frozenset_from_range_n"] = [sz(frozenset(range(n))) for n in range(301)]


# ---------------------------------------------------------------------------
# tuple / bytes / str / int
# ---------------------------------------------------------------------------

def seq_scalars(S):
    S["tuple_n"] = [sz(tuple(range(n))) for n in range(101)]
    S["bytes_n"] = [sz(bytes(n)) for n in range(101)]
    S["bytearray_n"] = [sz(bytearray(n)) for n in range(51)]

    S["str_ascii_n"] = [sz("a" * n) for n in range(201)]
    # n = 0 is '' (ASCII) and n = 1 is the cached latin-1 singleton (which
    # carries a UTF-8 cache on 3.12+); both are recorded as null here and the
    # singleton is recorded under values["'\\xe9'"].
    S["str_latin1_n"] = [None, None] + [sz("\xe9" * n) for n in range(2, 101)]
    # chr() at run time so that n = 1 is a fresh object, not a code constant.
    c2 = chr(0x100)
    c4 = chr(0x1F600)
    S["str_ucs2_n"] = [None] + [sz(c2 * n) for n in range(1, 101)]
    S["str_ucs4_n"] = [None] + [sz(c4 * n) for n in range(1, 101)]

    S["int_pow2_minus1"] = [sz(2 ** b - 1) for b in range(201)]
    S["int_pow2"] = [sz(2 ** b) for b in range(201)]
    S["int_neg_pow2"] = [sz(-(2 ** b)) for b in range(201)]


# ---------------------------------------------------------------------------
# instance __dict__ (class statements run inside factories: every call makes
# a brand-new class, so shared-key state never leaks between experiments)
# ---------------------------------------------------------------------------

def make_plain_class():
    class C:
        pass
    return C


def make_xy_class():
    class D:
        def __init__(self):
            self.x = 1
            self.y = 2
    return D


def seq_instances(S):
    # (a) __dict__ read before the first and after every setattr
    C = make_plain_class()
    c = C()
    dict_sizes = [sz(c.__dict__)]
    obj_sizes = [sz(c)]
    for i in range(41):
        setattr(c, "a%d" % i, i)
        dict_sizes.append(sz(c.__dict__))
        obj_sizes.append(sz(c))
    S["instance_dict_attrs"] = dict_sizes
    S["instance_size_attrs"] = obj_sizes

    # (b) __dict__ never read during the run
    C = make_plain_class()
    c = C()
    obj_sizes = [sz(c)]
    for i in range(41):
        setattr(c, "a%d" % i, i)
        obj_sizes.append(sz(c))
    S["instance_size_attrs_late"] = obj_sizes
    S["instance_dict_attrs_late_final"] = [sz(c.__dict__)]

    # (b') per n: fresh class, fresh instance, n setattrs, then one __dict__ read
    out = []
    for n in range(41):
        C = make_plain_class()
        c = C()
        for i in range(n):
            setattr(c, "a%d" % i, i)
        out.append(sz(c.__dict__))
    S["instance_dict_attrs_late_n"] = out

    # k-th instance of a two-attribute class, __dict__ read right after creation
    D = make_xy_class()
    keep = []
    out = []
    for _ in range(40):
        inst = D()
        keep.append(inst)
        out.append(sz(inst.__dict__))
    S["instance_dict_nth_instance"] = out
    S["instance_dict_nth_instance_final"] = [sz(o.__dict__) for o in keep]

    # same, but no __dict__ is read until all 40 instances exist
    D = make_xy_class()
    keep = [D() for _ in range(40)]
    S["instance_dict_nth_instance_late_final"] = [sz(o.__dict__) for o in keep]
    S["instance_size_nth_instance"] = [sz(o) for o in keep]


# ---------------------------------------------------------------------------
# single values; each key is the expression text, evaluated in VALUE_NS
# ---------------------------------------------------------------------------

class E:
    pass


class Slots0:
    __slots__ = ()


class SlotsA:
    __slots__ = ("a",)


class SlotsAB:
    __slots__ = ("a", "b")


class SlotsADict:
    __slots__ = ("a", "__dict__")


class SlotsAWeakref:
    __slots__ = ("a", "__weakref__")


class M:
    def m(self):
        return 0


def g():
    yield 1


VALUE_EXPRS = [
    # class object first, before anything else touches E
    "E",
    "None", "True", "False", "...", "NotImplemented",
    "0", "1", "-1", "2**30", "2**60", "10**20", "1.5", "0.0", "float('inf')", "1+2j",
    "()", "(1,)", "(1, 2)",
    "[]", "[1, 2]", "[1, 2, 3]", "[1, 2, 3, 4, 5]", "[1, 2, 3, 4, 5, 6]", "[x, x, x]",
    "{}", "{'a': 1}", "{1: 1}", "dict()", "dict(a=1)", "dict.fromkeys('')",
    "set()", "frozenset()", "{1, 2, 3}", "{1, 2, 3, 4, 5}", "{x, 2, 3}",
    "object()",
    "b''", "b'a'", "bytearray()", "bytearray(b'a')",
    "''", "'a'", "'\\xe9'", "chr(0xe9)", "'\\xe9\\xe9'", "'\\u0100'", "'\\U0001f600'",
    "range(5)",
    "lambda: 0",
    "weakref.ref(e)",
    "E()",
    "Slots0()", "SlotsA()", "SlotsAB()", "SlotsADict()", "SlotsAWeakref()",
    "type", "int", "object",
    "iter([])", "iter(())", "iter(range(3))", "iter({})", "iter('')",
    "enumerate([])", "zip([], [])",
    "M().m",
    "g()",
    "sorted(range(10))",
]


def record_values():
    ns = {
        "sys": sys, "weakref": weakref,
        "E": E, "e": E(),
        "Slots0": Slots0, "SlotsA": SlotsA, "SlotsAB": SlotsAB,
        "SlotsADict": SlotsADict, "SlotsAWeakref": SlotsAWeakref,
        "M": M, "g": g, "x": 1,
    }
    values = {}
    for expr in VALUE_EXPRS:
        code = compile(expr, "<value>", "eval")
        obj = eval(code, ns)
        values[expr] = sz(obj)
        del obj
    return values


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------

def dump(doc, path):
    """One line per sequence / value so that diffs stay readable."""
    def compact(v):
        return json.dumps(v, separators=(",", ":"))

    lines = ["{"]
    lines.append('  "version": %s,' % json.dumps(doc["version"]))
    lines.append('  "python": %s,' % json.dumps(doc["python"]))
    for section in ("sequences", "values"):
        items = list(doc[section].items())
        lines.append('  %s: {' % json.dumps(section))
        for idx, (k, v) in enumerate(items):
            comma = "," if idx < len(items) - 1 else ""
            lines.append("    %s: %s%s" % (json.dumps(k), compact(v), comma))
        lines.append("  }" + ("," if section == "sequences" else ""))
    lines.append("}")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


def record(out_dir):
    if sys.implementation.name != "cpython":
        sys.exit("record-sizes.py: needs CPython, got %s" % sys.implementation.name)
    if sys.maxsize != 2 ** 63 - 1:
        sys.exit("record-sizes.py: needs a 64-bit interpreter")
    if hasattr(sys, "gettotalrefcount"):
        sys.exit("record-sizes.py: refusing to record from a debug (Py_DEBUG) build")

    version = "%d.%d" % sys.version_info[:2]
    S = {}
    seq_list(S)
    seq_dict(S)
    seq_set(S)
    seq_scalars(S)
    seq_instances(S)
    doc = {
        "version": version,
        "python": "%d.%d.%d" % sys.version_info[:3],
        "sequences": S,
        "values": record_values(),
    }
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, version + ".json")
    dump(doc, path)
    print("wrote %s (%d sequences, %d values)" % (path, len(S), len(doc["values"])))


# ---------------------------------------------------------------------------
# --all: find interpreters and run this script under each
# ---------------------------------------------------------------------------

def find_interpreters():
    roots = []
    if os.environ.get("PYENV_ROOT"):
        roots.append(os.path.join(os.environ["PYENV_ROOT"], "versions"))
    roots.append(os.path.expanduser(os.path.join("~", ".pyenv", "versions")))
    found = {}
    for root in roots:
        if not os.path.isdir(root):
            continue
        for name in os.listdir(root):
            m = re.match(r"^(\d+)\.(\d+)\.(\d+)$", name)    # plain CPython releases only
            if not m:
                continue
            mm = "%s.%s" % (m.group(1), m.group(2))
            if mm not in WANTED_VERSIONS or mm in found and found[mm][0] >= int(m.group(3)):
                continue
            exe = os.path.join(root, name, "bin", "python" + mm)
            if not os.path.exists(exe):
                exe = os.path.join(root, name, "bin", "python")
            if os.path.exists(exe):
                found[mm] = (int(m.group(3)), exe)
        if found:
            break   # first root that has any interpreter wins
    return {k: v[1] for k, v in found.items()}


def run_all(out_dir):
    exes = find_interpreters()
    missing = [v for v in WANTED_VERSIONS if v not in exes]
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    for var in ("PYTHONMALLOC", "PYTHONDEVMODE", "PYTHONSTARTUP", "PYTHONOPTIMIZE"):
        env.pop(var, None)
    failed = []
    for v in WANTED_VERSIONS:
        if v not in exes:
            continue
        cmd = [exes[v], "-s", os.path.abspath(__file__), "--out-dir", out_dir]
        print("== %s: %s" % (v, exes[v]))
        sys.stdout.flush()
        if subprocess.call(cmd, env=env) != 0:
            failed.append(v)
    if missing:
        print("missing interpreters: %s" % ", ".join(missing), file=sys.stderr)
    if failed:
        print("failed: %s" % ", ".join(failed), file=sys.stderr)
    return 1 if (missing or failed) else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true",
                    help="run under every pyenv CPython %s..%s" % (WANTED_VERSIONS[0], WANTED_VERSIONS[-1]))
    ap.add_argument("--out-dir", default=DEFAULT_OUT_DIR,
                    help="directory for <major>.<minor>.json (default: %(default)s)")
    args = ap.parse_args()
    out_dir = os.path.abspath(args.out_dir)
    if args.all:
        sys.exit(run_all(out_dir))
    record(out_dir)


if __name__ == "__main__":
    main()
