"""SVG plot of full-collection time per tracked object against heap size, simulator vs CPython.

    python plot_collect.py OUTDIR [OUT.svg]

OUTDIR is a compare.sh output directory (sim.jsonl and <python version>.jsonl files). For each shape
(live, garbage2, ring, mixed90) one panel plots the median of the per-run medians of
full_collect_<shape>_<size> (ns per tracked object) for the simulator and each CPython, on a log
size axis. Standard library only; the SVG is written by hand.
"""

import json
import math
import os
import statistics
import sys

SHAPES = ("live", "garbage2", "ring", "mixed90")
SIZES = (("1e4", 10**4), ("1e5", 10**5), ("1e6", 10**6), ("3e6", 3 * 10**6))
SERIES = (("sim", "#d62728"), ("3.11", "#1f77b4"), ("3.12", "#2ca02c"), ("3.13", "#9467bd"))


def load(outdir):
    cells = {}
    for name in sorted(os.listdir(outdir)):
        if not name.endswith(".jsonl"):
            continue
        col = "sim" if name == "sim.jsonl" else ".".join(name[:-6].split(".")[:2])
        with open(os.path.join(outdir, name)) as f:
            for line in f:
                line = line.strip()
                if not line.startswith("{"):
                    continue
                try:
                    r = json.loads(line)
                except ValueError:
                    continue
                cells.setdefault((r["workload"], col), []).append(float(r["median"]))
    return {k: statistics.median(v) for k, v in cells.items()}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def panel(out, data, shape, x0, y0, w, h):
    pad_l, pad_b, pad_t, pad_r = 48, 34, 24, 10
    pw, ph = w - pad_l - pad_r, h - pad_t - pad_b
    ys = [data.get((f"full_collect_{shape}_{tag}", col)) for tag, _ in SIZES for col, _ in SERIES]
    ymax = max([y for y in ys if y is not None] or [1.0])
    step = 10 ** math.floor(math.log10(ymax)) if ymax > 0 else 1
    top = math.ceil(ymax / step) * step
    lx0, lx1 = math.log10(SIZES[0][1]), math.log10(SIZES[-1][1])

    def X(n):
        return x0 + pad_l + (math.log10(n) - lx0) / (lx1 - lx0) * pw

    def Y(v):
        return y0 + pad_t + ph - v / top * ph

    out.append(f'<text x="{x0 + pad_l + pw / 2:.1f}" y="{y0 + 15}" text-anchor="middle" font-weight="bold">{esc(shape)}</text>')
    ticks = 5
    for i in range(ticks + 1):
        v = top * i / ticks
        out.append(f'<line x1="{x0 + pad_l}" y1="{Y(v):.1f}" x2="{x0 + pad_l + pw}" y2="{Y(v):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{x0 + pad_l - 4}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
    for tag, n in SIZES:
        out.append(f'<line x1="{X(n):.1f}" y1="{y0 + pad_t}" x2="{X(n):.1f}" y2="{y0 + pad_t + ph}" stroke="#eee"/>')
        out.append(f'<text x="{X(n):.1f}" y="{y0 + pad_t + ph + 14}" text-anchor="middle">{tag}</text>')
    out.append(f'<text x="{x0 + pad_l + pw / 2:.1f}" y="{y0 + h - 4}" text-anchor="middle">tracked objects (n)</text>')
    out.append(f'<rect x="{x0 + pad_l}" y="{y0 + pad_t}" width="{pw}" height="{ph}" fill="none" stroke="#888"/>')
    for col, color in SERIES:
        pts = [(X(n), Y(v)) for tag, n in SIZES if (v := data.get((f"full_collect_{shape}_{tag}", col))) is not None]
        if len(pts) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            dash = "" if col == "sim" else ' stroke-dasharray="5,3"'
            out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"{dash}/>')
        for x, y in pts:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"/>')


def main(argv):
    if len(argv) not in (2, 3) or not os.path.isdir(argv[1]):
        print(__doc__, file=sys.stderr)
        return 2
    data = load(argv[1])
    dest = argv[2] if len(argv) == 3 else os.path.join(argv[1], "collect-per-object.svg")
    W, H, pw, ph = 760, 600, 370, 260
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="18" text-anchor="middle" font-size="14">Full collection, ns per tracked object '
           '(median of run medians; lower is better)</text>']
    for i, shape in enumerate(SHAPES):
        panel(out, data, shape, 10 + (i % 2) * (pw + 10), 30 + (i // 2) * (ph + 10), pw, ph)
    lx = 60
    for col, color in SERIES:
        label = "PyHeapSim" if col == "sim" else "CPython " + col
        out.append(f'<line x1="{lx}" y1="{H - 12}" x2="{lx + 24}" y2="{H - 12}" stroke="{color}" stroke-width="2"/>')
        out.append(f'<text x="{lx + 28}" y="{H - 8}">{esc(label)}</text>')
        lx += 150
    out.append("</svg>")
    with open(dest, "w") as f:
        f.write("\n".join(out) + "\n")
    print(dest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
