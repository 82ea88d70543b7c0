"""Records the automatic-collection counts (g0/g1/g2) of the auto_collect twin at several sizes.

    python record_counts.py            # one JSON line: {"python": ..., "thresholds": ..., "counts": {n: [g0, g1, g2]}}

The simulator's --smoke mode and AutoCollectionBenchmarks check their counts against these
(benchmarks/PyHeapSim.Benchmarks/Workloads/RecordedCounts.cs; re-record with
`for v in 3.8 3.9 3.10 3.11 3.12 3.13; do $(pyenv root)/versions/$v.*/bin/python record_counts.py; done`).
The sequence is twin.auto_collect's: gc.collect(), read gc.get_stats(), gc.enable(), build, read again.
"""

import json
import os
import platform
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import twin  # noqa: E402

twin.QUICK = True
counts = {}
for n in (10**3, 10**4, 10**5, 10**6):
    r = twin.auto_collect("auto_collect", n)
    assert r["extra"]["collections_all_equal"], r
    counts[str(n)] = r["extra"]["collections"]
print(json.dumps({"python": platform.python_version(), "thresholds": r["extra"]["thresholds"], "counts": counts}))
