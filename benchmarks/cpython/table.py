"""Markdown table of side-by-side results (used by ../compare.sh).

    python table.py DIR [--stat median|min] [--max-load X]

DIR holds JSON-lines files written by compare.sh: `sim.jsonl` (simulator side) and one
`<python version>.jsonl` per interpreter (e.g. `3.11.7.jsonl`).  Every line is one fresh-process
run: {"workload", "python", "unit", "median", "samples", "extra"}.  Per workload and column the
table shows the MEDIAN OF THE RUN MEDIANS; a trailing `*` marks a cell whose run-to-run spread
(max - min) / median exceeds 30 % (perf-anchors.md: rerun those).  `--stat min` shows the
fastest run instead (the per-run medians' minimum), for the "ratio of the fastest runs".
`--max-load X` ignores runs whose recorded 1-minute load average (extra.loadavg) exceeded X.  Missing or failed runs print
`n/a`.  Ratios are sim / CPython (< 1 means the simulator is faster or smaller).
"""

import json
import os
import statistics
import sys

VERSIONS = ("3.11", "3.12", "3.13")
NOISY = 0.30


def load(path):
    recs = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                r = json.loads(line)
            except ValueError:
                continue
            if isinstance(r, dict) and "workload" in r and isinstance(r.get("median"), (int, float)):
                recs.append(r)
    return recs


def fmt(x):
    if x is None:
        return "n/a"
    a = abs(x)
    if a >= 1000:
        return f"{x:,.0f}"
    if a >= 100:
        return f"{x:.0f}"
    if a >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def main(argv):
    import argparse
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir")
    p.add_argument("--stat", choices=("median", "min"), default="median")
    p.add_argument("--max-load", type=float, default=None)
    a = p.parse_args(argv[1:])
    if not os.path.isdir(a.dir):
        print(__doc__, file=sys.stderr)
        return 2
    d, stat = a.dir, a.stat
    agg = statistics.median if stat == "median" else min
    order, units = [], {}
    cells = {}  # (workload, column) -> [run medians]
    colls = {}  # (workload, column) -> set of collection-count tuples
    sim_units = {}
    names = sorted(os.listdir(d))
    # CPython files first so that their (runner) order defines the row order
    names.sort(key=lambda n: n == "sim.jsonl")
    for name in names:
        if not name.endswith(".jsonl"):
            continue
        for r in load(os.path.join(d, name)):
            la = (r.get("extra") or {}).get("loadavg")
            if a.max_load is not None and la and max(la) > a.max_load:
                continue
            if name == "sim.jsonl":
                col = "sim"
                sim_units.setdefault(r["workload"], r.get("unit", ""))
            else:
                col = ".".join(str(r.get("python", name[:-6])).split(".")[:2])
                if col not in VERSIONS:
                    continue
            w = r["workload"]
            if w not in units:
                order.append(w)
                units[w] = r.get("unit", "")
            cells.setdefault((w, col), []).append(float(r["median"]))
            c = (r.get("extra") or {}).get("collections")
            if c is not None:
                colls.setdefault((w, col), set()).add(tuple(c))

    def med(w, col):
        v = cells.get((w, col))
        return agg(v) if v else None

    def cell(w, col):
        v = cells.get((w, col))
        if not v:
            return "n/a"
        m = agg(v)
        md = statistics.median(v)
        noisy = len(v) >= 3 and md and (max(v) - min(v)) / abs(md) > NOISY
        return fmt(m) + ("*" if noisy else "")

    def ratio(w, ref):
        s, c = med(w, "sim"), med(w, ref)
        if s is None or not c:
            return "n/a"
        return f"{s / c:.2f}"

    cols = ["sim", *VERSIONS]
    print("| workload | sim | " + " | ".join(VERSIONS) + " | sim/3.11 | sim/3.12 | sim/3.13 |")
    print("|---|" + "---:|" * (len(cols) + 3))
    for w in order:
        row = [w] + [cell(w, c) for c in cols] + [ratio(w, "3.11"), ratio(w, "3.12"), ratio(w, "3.13")]
        print("| " + " | ".join(row) + " |")
    runs = {c: max([len(cells.get((w, c), [])) for w in order] or [0]) for c in cols}
    print()
    print(("Median" if stat == "median" else "Fastest (minimum)") + " of per-run medians; runs per cell: "
          + ", ".join(f"{c} {runs[c]}" for c in cols)
          + ". `*` = run-to-run spread > 30 %, rerun that row. Units: ns/op for the hot path "
          "(per statement) and young_collect_* (per gc.collect(0)); ns/object for growth, "
          "full_collect_* (per tracked object), auto_collect_* (GC on minus off, per list) and "
          "deep_dealloc_* (per level); bytes/object for bytes_per_object_*.")
    for w in order:
        su = sim_units.get(w)
        if su is not None and su != units[w]:
            print(f"WARNING: {w}: simulator unit {su!r} differs from CPython's {units[w]!r}")
    if colls:
        print()
        print("Collections per generation (g0/g1/g2) — fidelity, must be equal:")
        print()
        print("| workload | sim | " + " | ".join(VERSIONS) + " |")
        print("|---|" + "---|" * len(cols))
        for w in order:
            if not any((w, c) in colls for c in cols):
                continue
            row = [w]
            for c in cols:
                s = colls.get((w, c))
                row.append(", ".join("/".join(map(str, t)) for t in sorted(s)) if s else "n/a")
            print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
