#!/usr/bin/env python3
"""Record allocator ground truth (tracemalloc, sys.getallocatedblocks, pymalloc arenas).

Run once per interpreter; each run writes <major>.<minor>.json next to this script
(README.md in this directory explains every key).

    python3.11 probe.py              # writes 3.11.json
    python3 probe.py --all           # runs itself under every pyenv CPython 3.8 ... 3.13

Stdlib only; must keep working on CPython 3.8 through 3.13 (no newer syntax).
"""

import argparse
import gc
import json
import os
import re
import subprocess
import sys
import tempfile
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
WANTED_VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]

# Every measured region runs as module-level code in NS, between two readings:
#
#     t0 = tm()[0]; b0 = gab()   <body>   b1 = gab(); t1 = tm()[0]
#
# All names are bound before the first region, so rebinding them is size-neutral
# (a reading replaces an int of the same size), and loops run over IDX<n>, lists of
# pre-existing ints, so the loop variable never allocates.
REGION = """
t0 = tm()[0]
b0 = gab()
%s
b1 = gab()
t1 = tm()[0]
"""

NS = {}


def region(body, setup=""):
    """Runs setup, then body as a measured region; returns (traced bytes delta, blocks delta).

    Both are compiled first: compiling frees lists, dicts and tuples onto their free lists,
    which must not happen between the setup and the region.
    """
    code = compile(REGION % body, "<region>", "exec")
    # setup_code stays alive until the region is over: freeing a code object frees its
    # constant and name tuples (and float constants) onto the free lists.
    setup_code = compile(setup or "pass", "<setup>", "exec")
    exec(setup_code, NS)
    exec(code, NS)
    result = [NS["t1"] - NS["t0"], NS["b1"] - NS["b0"]]
    del setup_code
    return result


def arena_counts():
    """The four '# arenas ...' lines of sys._debugmallocstats() (written to fd 2)."""
    with tempfile.TemporaryFile() as tmp:
        saved = os.dup(2)
        try:
            sys.stderr.flush()
            os.dup2(tmp.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        tmp.seek(0)
        text = tmp.read().decode("ascii", "replace")
    out = {}
    for key, label in (("total", "allocated total"), ("reclaimed", "reclaimed"),
                       ("highwater", "highwater mark"), ("current", "allocated current")):
        m = re.search(r"# arenas %s\s*=\s*([\d,]+)" % label, text)
        out[key] = int(m.group(1).replace(",", ""))
    return out


# ---------------------------------------------------------------------------
# probes: each is (key, setup run before the region, region body)
# ---------------------------------------------------------------------------

K = 50  # objects per region for the "per object" probes (loop over IDX50)

DRAIN = {
    # keep more objects alive than any free list holds, so the next ones are fresh
    # (dicts: the dict free list and the 8-slot keys free list)
    "list": "hold = None\nhold = [[] for _ in range(300)]",
    "dict": "hold = None\nhold = [{} for _ in range(300)] + [{'k': v} for _ in range(100)]",
    "float": "hold = None\nhold = [x + 0.5 for x in range(300)]",
}
REFILL = {
    # create more objects than the free list holds and drop them all
    # (dicts: the dict free list full, the keys free list drained)
    "list": "hold = None\ntmp = [[] for _ in range(300)]\ntmp = None",
    "dict": "hold = None\nhold = [{'k': v} for _ in range(100)]\ntmp = [{} for _ in range(300)]\ntmp = None",
    "float": "hold = None\ntmp = [x + 0.5 for x in range(300)]\ntmp = None",
}


def per_object(expr, n=K):
    return "for j in IDX%d:\n    keep[j] = %s" % (n, expr)


def probes():
    P = []
    # --- free lists: fresh vs recycled, and their capacity -------------------------
    P.append(("list_empty_fresh_x50", DRAIN["list"], per_object("[]")))
    P.append(("list_empty_recycled_x50", REFILL["list"], per_object("[]")))
    P.append(("list_empty_after_refill_x300", REFILL["list"], per_object("[]", 300)))
    P.append(("list_call_after_refill_x50", REFILL["list"], per_object("list()")))
    P.append(("dict_empty_fresh_x50", DRAIN["dict"], per_object("{}")))
    P.append(("dict_empty_recycled_x50", REFILL["dict"], per_object("{}")))
    P.append(("dict_empty_after_refill_x300", REFILL["dict"], per_object("{}", 300)))
    P.append(("float_fresh_x50", DRAIN["float"], per_object("j + 0.5")))
    P.append(("float_recycled_x50", REFILL["float"], per_object("j + 0.5")))
    P.append(("float_after_refill_x300", REFILL["float"], per_object("j + 0.5", 300)))
    # gc.collect() empties every free list
    P.append(("list_after_refill_and_collect_x50", REFILL["list"] + "\ngc.collect()", per_object("[]")))
    P.append(("dict_after_refill_and_collect_x50", REFILL["dict"] + "\ngc.collect()", per_object("{}")))
    P.append(("float_after_refill_and_collect_x50", REFILL["float"] + "\ngc.collect()", per_object("j + 0.5")))
    # tuples of length n: 2100 made after 2100 died (free list holds 2000 when there is one)
    for n in range(1, 22):
        items = "(" + ", ".join(["v"] * n) + ("," if n == 1 else "") + ")"
        setup = "hold = None\nkeep = None\ntmp = [%s for _ in range(2100)]\ntmp = None\nkeep = [None] * 2100" % items
        P.append(("tuple_%d_after_refill_x2100" % n, setup, per_object(items, 2100)))
        setup = "hold = None\nhold = [%s for _ in range(2100)]\nkeep = [None] * 2100" % items
        P.append(("tuple_%d_fresh_x50" % n, setup, per_object(items)))
    for n in (19, 20, 21):
        items = "(" + ", ".join(["v"] * n) + ")"
        setup = "hold = None\nhold = [%s for _ in range(2100)]\ntmp = [%s for _ in range(2100)]" % (items, items)
        P.append(("tuple_%d_drop_x2100" % n, setup, "tmp = None"))
    P.append(("tuple_3_after_refill_and_collect_x2100",
              "hold = None\ntmp = [(v, v, v) for _ in range(2100)]\ntmp = None\ngc.collect()\nkeep = [None] * 2100",
              per_object("(v, v, v)", 2100)))
    # dict keys: one-key dicts, after both dict free lists were refilled with the same shape
    for name, expr in (("int", "{j: v}"), ("str", "{'k': v}")):
        setup = "hold = None\nkeep = [None] * 300\ntmp = [%s for j in range(300)]\ntmp = None" % expr
        P.append(("dict_one_%s_key_after_refill_x100" % name, setup, per_object(expr, 100)))
        setup = "hold = None\nhold = [%s for j in range(300)]\nkeep = [None] * 300" % expr
        P.append(("dict_one_%s_key_fresh_x50" % name, setup, per_object(expr)))
    P.append(("dict_call_fresh_x50", DRAIN["dict"], per_object("dict()")))
    P.append(("dict_call_after_refill_x50", REFILL["dict"], per_object("dict()")))
    P.append(("list_call_iterable_after_refill_x50", REFILL["list"], per_object("list(IDX100)")))
    P.append(("tuple_call_after_refill_x50",
              "hold = None\ntmp = [(v, v, v) for _ in range(300)]\ntmp = None\nL3 = [v, v, v]", per_object("tuple(L3)")))
    # --- request sizes of single objects (free lists drained) ----------------------
    P.append(("int_1000_x50", "", per_object("j + 1000")))
    P.append(("int_from_str_x50", "", per_object("int(s300)")))
    P.append(("int_2_30_x50", "", per_object("j + big30")))
    P.append(("int_2_60_x50", "", per_object("big30 * big30 + j")))
    P.append(("int_2_90_x50", "", per_object("big30 * big30 * big30 + j")))
    for n in (2, 10, 100, 463, 464, 1000):
        P.append(("str_ascii_%d_x50" % n, "", per_object("sa * %d" % n)))
    for n in (2, 10):
        P.append(("str_latin1_%d_x50" % n, "", per_object("sl * %d" % n)))
        P.append(("str_ucs2_%d_x50" % n, "", per_object("su * %d" % n)))
    for n in (2, 10, 100, 479, 480, 1000):
        P.append(("bytes_%d_x50" % n, "", per_object("sb * %d" % n)))
    P.append(("bytes_zeroed_1000000", "", "x = bytes(n1m)"))
    for n in (1, 2, 5, 63, 64, 65, 1000):
        P.append(("list_repeat_%d_x50" % n, DRAIN["list"], per_object("[None] * %d" % n)))
    P.append(("list_repeat_1000000", DRAIN["list"], "x = [0] * n1m"))
    P.append(("list_one_item_popped_x50", DRAIN["list"], per_object("[v]") + "\n    keep[j].pop()"))
    P.append(("list_one_item_cleared_x50", DRAIN["list"], per_object("[v]") + "\n    keep[j].clear()"))
    P.append(("set_empty_x50", "", per_object("set()")))
    P.append(("set_5_items_x50", "", per_object("{j, 1000, 1001, 1002, 1003}")))
    P.append(("dict_6_int_keys_x50", DRAIN["dict"], per_object("{j: v, 1: v, 2: v, 3: v, 4: v, 5: v}")))
    P.append(("dict_6_str_keys_x50", DRAIN["dict"], per_object("{'a': v, 'b': v, 'c': v, 'd': v, 'e': v, 'f': v}")))
    P.append(("object_x50", "", per_object("object()")))
    # --- instances: one region per instance, all kept ------------------------------
    P.append(("instances_setup", INSTANCE_SETUP, "pass"))
    drain_dicts = "hold2 = None\nhold2 = [{} for _ in range(100)]"
    for i in range(1, 13):
        P.append(("point_instance_%d" % i, drain_dicts, "pts[%d] = Point()" % (i - 1)))
    for i in range(1, 4):
        P.append(("plain_instance_%d" % i, drain_dicts, "plains[%d] = Plain()" % (i - 1)))
    for k in (0, 1, 2, 4):
        P.append(("slots_%d_x50" % k, "", per_object("Slots%d()" % k)))
    return P


INSTANCE_SETUP = """
class Point:
    def __init__(self):
        self.x = 1
        self.y = 2
class Plain:
    pass
class Slots0:
    __slots__ = ()
class Slots1:
    __slots__ = ('a',)
class Slots2:
    __slots__ = ('a', 'b')
class Slots4:
    __slots__ = ('a', 'b', 'c', 'd')
class Other:
    pass
class Warm:
    def __init__(self):
        self.a = 1
warm = Warm()               # the first instance created through __init__ frees an untraced block on 3.11
Point.__init__(Other())     # warm the code object (3.8-3.10 keep a zombie frame per code)
hold = [{} for _ in range(300)]     # instance dicts (3.8-3.10) come fresh, not from the free list
pts = [None] * 12
plains = [None] * 3
keep = [None] * 300
"""


def lesson():
    """The lesson's question: is memory given back after `del data; gc.collect()`?

    Arena counts, as differences: the absolute numbers depend on what the interpreter
    allocated at startup.
    """
    out = {}
    gc.collect()
    out["before"] = arena_counts()
    data = list(range(1000000))
    out["after_create"] = arena_counts()
    del data
    out["after_del"] = arena_counts()
    gc.collect()
    out["after_collect"] = arena_counts()
    # fragmentation: keep one int in 1000 alive
    data = list(range(2000000, 3000000))
    out["frag_after_create"] = arena_counts()
    survivors = data[::1000]
    del data
    gc.collect()
    out["frag_after_del_keep_1_in_1000"] = arena_counts()
    del survivors
    gc.collect()
    out["frag_after_del_survivors"] = arena_counts()
    before = out["before"]
    return {
        "lesson_arenas_created": out["after_create"]["current"] - before["current"],
        "lesson_after_del_minus_before": out["after_del"]["current"] - before["current"],
        "lesson_after_collect_minus_before": out["after_collect"]["current"] - before["current"],
        "lesson_reclaimed_by_del": out["after_del"]["reclaimed"] - out["after_create"]["reclaimed"],
        "frag_arenas_created": out["frag_after_create"]["current"] - out["after_collect"]["current"],
        "frag_after_del_keep_1_in_1000_minus_created": out["frag_after_del_keep_1_in_1000"]["current"]
                                                        - out["frag_after_create"]["current"],
        "frag_after_del_survivors_minus_before": out["frag_after_del_survivors"]["current"] - before["current"],
        "new_arena_emptied_minus_before": new_arena_emptied(),
    }


def new_arena_emptied():
    """bpo-37257: make ints until a new arena is mapped, then free the ints made since the last
    check that saw the old count. 3.8 unmaps the emptied arena at once; 3.9+ keep it, since it is
    the last (the only) arena in usable_arenas. Returns arenas now minus arenas before."""
    gc.collect()
    cells = [None] * 3000000
    base = arena_counts()["current"]
    k = last_check = 0
    while True:
        cells[k] = k + 10 ** 7
        k += 1
        if k % 200 == 0:
            if arena_counts()["current"] > base:
                break
            last_check = k
    # Nothing made after the new arena was mapped may survive: not the ints named k or i either.
    first, stop = last_check, k
    k = last_check = 0
    del cells[first:stop]
    first = stop = None
    return arena_counts()["current"] - base


RUNS = 5


def record(out_dir):
    """Measures RUNS times, each in a fresh process; a number that differs between runs is written as null."""
    if sys.implementation.name != "cpython" or sys.maxsize != 2 ** 63 - 1:
        sys.exit("probe.py: needs 64-bit CPython")
    if hasattr(sys, "gettotalrefcount"):
        sys.exit("probe.py: refusing to record from a debug (Py_DEBUG) build")
    docs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(RUNS):
            path = os.path.join(tmp, "run%d.json" % i)
            if subprocess.call([sys.executable, "-s", os.path.abspath(__file__), "--single", path]) != 0:
                sys.exit("probe.py: run %d failed" % i)
            with open(path, encoding="utf-8") as f:
                docs.append(json.load(f))
    doc = docs[0]
    unstable = 0
    for section in ("probes", "arenas"):
        for key, value in doc[section].items():
            others = [d[section][key] for d in docs[1:]]
            if isinstance(value, list):
                for i in range(len(value)):
                    if any(o[i] != value[i] for o in others):
                        value[i] = None
                        unstable += 1
            elif any(o != value for o in others):
                doc[section][key] = None
                unstable += 1
    path = os.path.join(out_dir, doc["version"] + ".json")
    dump(doc, path)
    print("wrote %s (%d probes, %d unstable across %d runs)" % (path, len(doc["probes"]), unstable, RUNS))


def measure(path):
    version = "%d.%d" % sys.version_info[:2]

    gc.collect()
    gc.disable()
    tracemalloc.start()
    NS.update(tm=tracemalloc.get_traced_memory, gab=sys.getallocatedblocks, gc=gc,
              IDX50=list(range(50)), IDX100=list(range(100)), IDX300=list(range(300)),
              IDX2100=list(range(2100)), hold2=None, L3=None, keep=[None] * 2100, hold=None, tmp=None, x=None,
              v=None, s300="300", big30=2 ** 30, sa="a", sl="\xe9", su=chr(0x100), sb=b"q",
              n1m=1000000, j=0, t0=0, t1=0, b0=0, b1=0, ballast=[None] * 1000)
    region("pass")
    null = region("pass")
    results = {"null_region": null}
    for key, setup, body in probes():
        instance = key.startswith(("point_", "plain_"))
        if not instance:
            NS["keep"] = [None] * 2100
        results[key] = region(body, setup)
        if not instance:
            NS["keep"] = None
            NS["x"] = None
    tracemalloc.stop()
    arenas = lesson()

    doc = {"version": version, "python": "%d.%d.%d" % sys.version_info[:3],
           "probes": results, "arenas": arenas}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)


def dump(doc, path):
    """One line per probe so that diffs stay readable."""
    def compact(v):
        return json.dumps(v, separators=(",", ":"))

    lines = ["{", '  "version": %s,' % json.dumps(doc["version"]),
             '  "python": %s,' % json.dumps(doc["python"])]
    for section in ("probes", "arenas"):
        items = list(doc[section].items())
        lines.append("  %s: {" % json.dumps(section))
        for idx, (k, v) in enumerate(items):
            comma = "," if idx < len(items) - 1 else ""
            lines.append("    %s: %s%s" % (json.dumps(k), compact(v), comma))
        lines.append("  }" + ("," if section == "probes" else ""))
    lines.append("}")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)


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
            m = re.match(r"^(\d+)\.(\d+)\.(\d+)$", name)
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
            break
    return {k: v[1] for k, v in found.items()}


def run_all(out_dir):
    exes = find_interpreters()
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    for var in ("PYTHONMALLOC", "PYTHONDEVMODE", "PYTHONSTARTUP", "PYTHONOPTIMIZE", "PYTHONTRACEMALLOC"):
        env.pop(var, None)
    failed = [v for v in WANTED_VERSIONS if v not in exes]
    for v in WANTED_VERSIONS:
        if v in exes:
            print("== %s: %s" % (v, exes[v]))
            sys.stdout.flush()
            if subprocess.call([exes[v], "-s", os.path.abspath(__file__), "--out-dir", out_dir], env=env) != 0:
                failed.append(v)
    if failed:
        print("missing or failed: %s" % ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="run under every pyenv CPython 3.8..3.13")
    ap.add_argument("--out-dir", default=HERE, help="directory for <major>.<minor>.json")
    ap.add_argument("--single", metavar="PATH", help=argparse.SUPPRESS)   # one measuring run (internal)
    args = ap.parse_args()
    if args.single:
        measure(args.single)
        return
    if args.all:
        sys.exit(run_all(os.path.abspath(args.out_dir)))
    record(os.path.abspath(args.out_dir))


if __name__ == "__main__":
    main()
