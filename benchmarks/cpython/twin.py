"""CPython twins of the PyHeapSim side-by-side benchmark workloads.

Usage:
    python twin.py --workload <id> [--quick]     # prints ONE JSON line to stdout
    python twin.py --list                        # prints every workload id, one per line

Every workload runs in its own fresh process (the runner, ../compare.sh, starts one process per
workload and round).  Output format (one line, no other stdout):

    {"workload": "alloc_free_empty_list", "python": "3.11.7", "unit": "ns/op",
     "median": 16.1, "samples": [...], "extra": {...}}

units: "ns/op" (hot path, young collection), "ns/object" (growth, collection, teardown),
"bytes/object" (host memory).  Methodology per family is in README.md next to this file.
Only the standard library is used; the script runs unchanged on CPython 3.8-3.13.
"""

import argparse
import gc
import itertools
import json
import os
import platform
import statistics
import sys
import time

perf_counter_ns = time.perf_counter_ns

QUICK = False


def _samples(full, quick):
    return quick if QUICK else full


def _r(x):
    return round(x, 3)


def result(workload, unit, samples, **extra):
    return {
        "workload": workload,
        "python": platform.python_version(),
        "unit": unit,
        "median": _r(statistics.median(samples)),
        "samples": [_r(s) for s in samples],
        "extra": extra,
    }


# ---------------------------------------------------------------------------------------------
# Hot path: statements unrolled x10 in a generated function body (all names are fast locals),
# timed over `loops` iterations; an empty loop of the same length is timed right before each
# sample and subtracted (the timeit methodology of perf-anchors.md, W1).  GC is disabled while
# timing, as timeit does.  Result: ns per statement.
# ---------------------------------------------------------------------------------------------

HOT = {
    # workload: (setup, statement)
    "incref_decref": ("a = []\nb = None", "b = a; del b"),
    "alloc_free_empty_list": ("x = None", "x = []"),
    "alloc_free_empty_dict": ("x = None", "x = {}"),
    # The empty tuple is a singleton (never allocated), and a tuple of constants is a constant,
    # so the workload builds a 2-tuple of two local lists: BUILD_TUPLE allocates one from the
    # size-2 freelist (2 increfs) and rebinding x frees the previous one (2 decrefs).
    "alloc_free_empty_tuple": ("a = []\nb = []\nx = None", "x = (a, b)"),
    "alloc_free_instance": ("class C:\n    pass\nx = None", "x = C()"),
    # A 10-item list: append never reallocates and pop never shrinks (steady state).
    "list_append_pop": ("l = list(range(10))\nx = []", "l.append(x); l.pop()"),
    "rebind_name": ("a = []\nb = a", "b = a"),
}

UNROLL = 10


def _make_timer(setup, stmt, unroll=UNROLL):
    # one statement per line; the empty baseline is a single `pass` (10 `pass` lines would
    # compile to 10 NOPs and inflate the baseline)
    body = "\n".join("        " + s for s in [stmt] * unroll)
    setup_src = "\n".join("    " + line for line in setup.splitlines())
    src = (
        "def inner(_it, _timer):\n"
        f"{setup_src}\n"
        "    _t0 = _timer()\n"
        "    for _i in _it:\n"
        f"{body}\n"
        "    _t1 = _timer()\n"
        "    return _t1 - _t0\n"
    )
    ns = {}
    exec(compile(src, "<hot>", "exec"), ns)
    return ns["inner"]


def hot(workload):
    setup, stmt = HOT[workload]
    loops = _samples(200_000, 100_000)
    nsamp = _samples(7, 5)
    f = _make_timer(setup, stmt)
    empty = _make_timer(setup, "pass", unroll=1)
    rep = itertools.repeat
    gc.collect()
    gc.disable()
    for _ in range(2):  # warm-up: specialise the bytecode, fill the freelists
        empty(rep(None, loops), perf_counter_ns)
        f(rep(None, loops), perf_counter_ns)
    samples, empties = [], []
    for _ in range(nsamp):
        e = empty(rep(None, loops), perf_counter_ns)
        t = f(rep(None, loops), perf_counter_ns)
        empties.append(e / loops)
        samples.append((t - e) / (loops * UNROLL))
    gc.enable()
    return result(workload, "ns/op", samples, statement=stmt, setup=setup, unroll=UNROLL,
                  loops=loops, empty_loop_ns_per_iter=_r(statistics.median(empties)),
                  gc_during_timing="disabled")


# ---------------------------------------------------------------------------------------------
# Growth, warm: the same objects are built once first, every 64th is kept and the rest freed, so
# pymalloc's arenas stay mapped and the timed build reuses free blocks (perf-anchors.md,
# "cold vs warm").  GC enabled during the build, as in the lesson.
# ---------------------------------------------------------------------------------------------

def _warm_ints(n):
    data = list(range(1000, n + 1000))  # fresh ints (outside the small-int cache)
    keep = data[::64]
    del data
    return keep


def _append_loop(n):
    data = []
    for i in range(n):
        data.append(i)
    return data


def append(workload, n):
    nsamp = _samples(7, 3) if n <= 10**6 else _samples(5, 2)
    builds, dels = [], []
    keep = _warm_ints(n)
    _append_loop(n)  # warm-up run (also grows the list buffer once)
    for _ in range(nsamp):
        t0 = perf_counter_ns()
        data = _append_loop(n)
        t1 = perf_counter_ns()
        del data
        t2 = perf_counter_ns()
        builds.append((t1 - t0) / n)
        dels.append((t2 - t1) / n)
    del keep
    return result(workload, "ns/object", builds, n=n, variant="warm", gc="enabled",
                  measured="for i in range(n): data.append(i)  (in a function)",
                  del_ns_per_object=_r(statistics.median(dels)))


LESSON = "x = [i for i in range(10**6)]\n"


def lesson(workload):
    n = 10**6
    nsamp = _samples(7, 3)
    build_code = compile(LESSON, "<lesson>", "exec")
    del_code = compile("del x\n", "<lesson>", "exec")
    keep = _warm_ints(n)
    ns = {}
    exec(build_code, ns)
    exec(del_code, ns)
    totals, builds, dels = [], [], []
    for _ in range(nsamp):
        ns = {"__builtins__": __builtins__}
        t0 = perf_counter_ns()
        exec(build_code, ns)
        t1 = perf_counter_ns()
        exec(del_code, ns)
        t2 = perf_counter_ns()
        totals.append((t2 - t0) / n)
        builds.append((t1 - t0) / n)
        dels.append((t2 - t1) / n)
    del keep
    return result(workload, "ns/object", totals, n=n, variant="warm", gc="enabled",
                  measured="module-level `x = [i for i in range(10**6)]; del x`, build + del",
                  build_ns_per_object=_r(statistics.median(builds)),
                  del_ns_per_object=_r(statistics.median(dels)))


# ---------------------------------------------------------------------------------------------
# Cycle collector.  Heaps of n tracked lists, built with GC disabled.
# Per-object figures divide by ALL tracked objects the collection examined (n + the root + the
# interpreter's own, `tracked`), as perf-anchors.md W3 does; time / n is in extra.ns_per_n.
# ---------------------------------------------------------------------------------------------

def build_live(n):
    return [[] for _ in range(n)]


def build_garbage2(n):
    for _ in range(n // 2):
        a = []
        b = [a]
        a.append(b)


def build_ring(n):
    first = []
    prev = first
    for _ in range(n - 1):
        prev = [prev]
    first.append(prev)


def build_mixed90(n):
    # per 20 objects: 18 live lists (reachable from the root) + one garbage 2-cycle
    root = []
    app = root.append
    for _ in range(n // 20):
        for _ in range(18):
            app([])
        a = []
        b = [a]
        a.append(b)
    return root


def _tracked():
    return len(gc.get_objects())


def full_collect_live(workload, n):
    gc.disable()
    gc.collect()
    root = build_live(n)
    tracked = _tracked()
    t0 = perf_counter_ns()
    gc.collect()  # first collection: everything young
    first = perf_counter_ns() - t0
    # repeated full collections of the (now old) heap; each sample lasts >= ~20 ms
    reps = max(1, 200_000 // n)
    nsamp = _samples(7, 3)
    gc.collect()  # warm-up
    samples = []
    for _ in range(nsamp):
        t0 = perf_counter_ns()
        for _ in range(reps):
            gc.collect()
        samples.append((perf_counter_ns() - t0) / reps)
    gc.enable()
    med = statistics.median(samples)
    del root
    return result(workload, "ns/object", [s / tracked for s in samples], n=n,
                  tracked=tracked, collects_per_sample=reps,
                  ns_per_n=_r(med / n), collect_ms=_r(med / 1e6),
                  first_collect_ns_per_object=_r(first / tracked),
                  measured="repeated gc.collect() of a built live heap")


def full_collect_garbage(workload, shape, n):
    build = {"garbage2": build_garbage2, "ring": build_ring, "mixed90": build_mixed90}[shape]
    nsamp = _samples(7, 3)
    if n <= 10**5:
        nsamp = _samples(11, 5)
    gc.disable()
    gc.collect()
    samples, per_n, unreachable, tracked_l = [], [], [], []
    for i in range(nsamp + 1):  # the first round is a warm-up
        keep = build(n)
        tracked = _tracked()
        t0 = perf_counter_ns()
        u = gc.collect()
        t = perf_counter_ns() - t0
        del keep
        gc.collect()
        if i == 0:
            continue
        samples.append(t / tracked)
        per_n.append(t / n)
        unreachable.append(u)
        tracked_l.append(tracked)
    gc.enable()
    return result(workload, "ns/object", samples, n=n, tracked=tracked_l[0],
                  ns_per_n=_r(statistics.median(per_n)),
                  collect_ms=_r(statistics.median(per_n) * n / 1e6),
                  unreachable=unreachable[0],
                  measured="one gc.collect() after a fresh build with gc disabled")


def young_collect(workload, n):
    gc.disable()
    gc.collect()
    root = build_live(n)
    gc.collect()  # everything into the oldest generation
    young_n = 1000
    per_sample = 20
    nsamp = _samples(7, 3)
    samples = []
    for i in range(nsamp + 1):
        total = 0
        for _ in range(per_sample):
            young = [[] for _ in range(young_n - 1)]  # + the holder = 1000 young objects
            t0 = perf_counter_ns()
            gc.collect(0)
            total += perf_counter_ns() - t0
            del young
        if i:
            samples.append(total / per_sample)
    gc.enable()
    del root
    return result(workload, "ns/op", samples, n_old=n, young=young_n,
                  op="one gc.collect(0) of 1000 young live lists",
                  ns_per_young_object=_r(statistics.median(samples) / young_n))


# ---------------------------------------------------------------------------------------------
# Automatic collections: append n new empty lists to a root list, GC off vs on (warm).
# ---------------------------------------------------------------------------------------------

def _append_lists(n):
    root = []
    app = root.append
    for _ in range(n):
        app([])
    return root


def auto_collect(workload, n):
    nsamp = _samples(7, 3)
    gc.collect()
    keep = _append_lists(n)[::64]  # warm: arenas stay mapped
    gc.collect()
    overhead, offs, ons, counts = [], [], [], []
    for i in range(nsamp + 1):
        gc.disable()
        gc.collect()
        t0 = perf_counter_ns()
        root = _append_lists(n)
        off = perf_counter_ns() - t0
        del root
        gc.collect()
        before = [s["collections"] for s in gc.get_stats()]
        gc.enable()
        t0 = perf_counter_ns()
        root = _append_lists(n)
        on = perf_counter_ns() - t0
        gc.disable()
        after = [s["collections"] for s in gc.get_stats()]
        del root
        if i == 0:
            continue
        offs.append(off / n)
        ons.append(on / n)
        overhead.append((on - off) / n)
        counts.append([a - b for a, b in zip(after, before)])
    # one more GC-on build with gc.callbacks timing the collections (not part of the samples)
    tg, start = [0, 0, 0], [0]

    def cb(phase, info):
        if phase == "start":
            start[0] = perf_counter_ns()
        else:
            tg[info["generation"]] += perf_counter_ns() - start[0]

    gc.collect()
    gc.callbacks.append(cb)
    gc.enable()
    root = _append_lists(n)
    gc.disable()
    gc.callbacks.remove(cb)
    del root
    gc.enable()
    del keep
    return result(workload, "ns/object", overhead, n=n, variant="warm",
                  in_gc_ns_per_object_by_generation=[_r(t / n) for t in tg],
                  off_ns_per_object=_r(statistics.median(offs)),
                  on_ns_per_object=_r(statistics.median(ons)),
                  collections=counts[0], collections_all_equal=all(c == counts[0] for c in counts),
                  thresholds=list(gc.get_threshold()),
                  measured="root.append([]) n times, gc enabled minus gc disabled")


# ---------------------------------------------------------------------------------------------
# Deep teardown: l = [l] n times (gc disabled), then time `del l` (trashcan path).
# ---------------------------------------------------------------------------------------------

def _nest(n):
    l = []
    for _ in range(n):
        l = [l]
    return l


def deep_dealloc(workload, n):
    nsamp = _samples(7, 3)
    gc.disable()
    gc.collect()
    samples = []
    for i in range(nsamp + 1):  # round 0 is a warm-up (3.13 faults in native stack once)
        l = _nest(n)
        t0 = perf_counter_ns()
        del l
        t = perf_counter_ns() - t0
        if i:
            samples.append(t / n)
    gc.enable()
    return result(workload, "ns/object", samples, n=n, unit_is="ns per level")


# ---------------------------------------------------------------------------------------------
# Host memory: RSS delta (/proc/self/statm) per object for 10^6 objects held in a pre-allocated
# list.  In-process; perf-anchors.md W6 found it equal to the peak-RSS method within 0.2 B.
# ---------------------------------------------------------------------------------------------

class _C:
    pass


def _rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _fill(kind, holder, n):
    if kind == "list":
        for i in range(n):
            holder[i] = []
    elif kind == "instance":
        C = _C
        for i in range(n):
            holder[i] = C()
    elif kind == "tuple2":
        a, b = [], []
        for i in range(n):
            holder[i] = (a, b)
    elif kind == "int":
        for i in range(n):
            holder[i] = i + 1000
    else:
        raise ValueError(kind)


def bytes_per_object(workload, kind):
    # Every sample fills a new holder and keeps the previous ones alive, so each sample takes
    # fresh arenas (freeing and refilling would reuse partly-empty pools and read ~1.5 B low).
    n = 10**6
    nsamp = _samples(5, 3)
    samples, holders = [], []
    gc.disable()
    gc.collect()
    for _ in range(nsamp):
        holder = [None] * n
        holders.append(holder)
        r0 = _rss()
        _fill(kind, holder, n)
        r1 = _rss()
        samples.append((r1 - r0) / n)
    sizeof = sys.getsizeof(holders[0][0])
    del holders, holder
    gc.enable()
    return result(workload, "bytes/object", samples, n=n, getsizeof=sizeof,
                  method="RSS delta from /proc/self/statm while filling a preallocated list")


# ---------------------------------------------------------------------------------------------

SIZES = {"1e4": 10**4, "1e5": 10**5, "1e6": 10**6, "3e6": 3 * 10**6}


def registry():
    r = {}
    for w in HOT:
        r[w] = (lambda w=w: hot(w))
    r["append_1e6"] = lambda: append("append_1e6", 10**6)
    r["append_1e7"] = lambda: append("append_1e7", 10**7)
    r["lesson_range_list_1e6"] = lambda: lesson("lesson_range_list_1e6")
    for shape in ("live", "garbage2", "ring", "mixed90"):
        for tag, n in SIZES.items():
            w = f"full_collect_{shape}_{tag}"
            if shape == "live":
                r[w] = (lambda w=w, n=n: full_collect_live(w, n))
            else:
                r[w] = (lambda w=w, s=shape, n=n: full_collect_garbage(w, s, n))
    for tag, n in SIZES.items():
        w = f"young_collect_live_old_{tag}"
        r[w] = (lambda w=w, n=n: young_collect(w, n))
    r["auto_collect_1e6_lists"] = lambda: auto_collect("auto_collect_1e6_lists", 10**6)
    r["deep_dealloc_1e5"] = lambda: deep_dealloc("deep_dealloc_1e5", 10**5)
    r["deep_dealloc_1e6"] = lambda: deep_dealloc("deep_dealloc_1e6", 10**6)
    for kind in ("list", "instance", "tuple2", "int"):
        w = f"bytes_per_object_{kind}"
        r[w] = (lambda w=w, k=kind: bytes_per_object(w, k))
    return r


def main():
    global QUICK
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--workload", "-w")
    p.add_argument("--quick", action="store_true", help="fewer samples / loops (smoke run)")
    p.add_argument("--list", action="store_true", help="print the workload ids and exit")
    a = p.parse_args()
    reg = registry()
    if a.list:
        print("\n".join(reg))
        return 0
    if a.workload not in reg:
        print(f"unknown workload {a.workload!r}; see --list", file=sys.stderr)
        return 2
    QUICK = a.quick
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    load0 = os.getloadavg()[0]
    res = reg[a.workload]()
    res["extra"]["quick"] = QUICK
    # 1-minute load average before/after: this VM has 2 vCPUs, so > ~2 means other work shared
    # the CPUs while we measured (see README, "Noise")
    res["extra"]["loadavg"] = [round(load0, 2), round(os.getloadavg()[0], 2)]
    print(json.dumps(res), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
