#!/usr/bin/env python3
"""Summarise a conformance run: per-version passed/total and the failing or known-gap cases.

usage: dotnet test tests/PyHeapSim.Conformance.Tests --logger "trx;LogFileName=conf.trx" --results-directory out
       python3 tests/PyHeapSim.Conformance.Tests/fidelity.py out/conf.trx

Counts the recorded mode (CorpusTests: the simulator against the stored CPython output), split into the
shared corpus (corpus/cases) and this repository's own cases (corpus/own-cases); the live mode
(LiveCPythonTests: the installed interpreters run side by side) is summarised on one line.
"""
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = {f[:-3] for f in os.listdir(os.path.join(HERE, "corpus", "cases")) if f.endswith(".py")}

text = open(sys.argv[1], encoding="utf-8").read()
classes = dict(re.findall(r'<UnitTest name="[^"]*" [^>]*id="([^"]+)"[^>]*>\s*<Execution[^>]*/>\s*<TestMethod [^>]*className="([^"]+)"', text))
results = re.findall(r'<UnitTestResult [^>]*testId="([^"]+)"[^>]*testName="([^"]+)"[^>]*outcome="(\w+)"', text)
per = collections.defaultdict(collections.Counter)
live = collections.Counter()
bad = collections.defaultdict(list)
for test_id, name, outcome in results:
    if "/" not in name:
        continue
    label, case = name.split("/", 1)
    if classes.get(test_id, "").endswith("LiveCPythonTests"):
        live[outcome] += 1
        continue
    per[(label, "shared" if case in SHARED else "own")][outcome] += 1
    if outcome != "Passed":
        bad[case].append(label)


def order(v):
    return [int(x) if x.isdigit() else 0 for x in re.split(r"[.-]", v)]


print("| version | shared corpus passed / total | own cases passed / total |")
print("|---|---|---|")
tot = collections.Counter()
for label in sorted({k[0] for k in per}, key=order):
    cells = []
    for part in ("shared", "own"):
        c = per[(label, part)]
        n = sum(c.values())
        tot[(part, "p")] += c["Passed"]
        tot[(part, "n")] += n
        cells.append(f"{c['Passed']} / {n}" + (f" ({100.0 * c['Passed'] / n:.1f} %)" if n else ""))
    print(f"| {label} | {cells[0]} | {cells[1]} |")
print(f"| all | {tot[('shared', 'p')]} / {tot[('shared', 'n')]} | {tot[('own', 'p')]} / {tot[('own', 'n')]} |")
print()
print(f"Live mode (installed interpreters): {live['Passed']} passed, {live['Failed']} failed, {live['NotExecuted']} skipped.")
print()
print("Not passing in the recorded mode (known gaps are listed with their reasons in known-gaps.txt):")
for case in sorted(bad):
    print(f"- `{case}`: {' '.join(sorted(bad[case], key=order))}")
