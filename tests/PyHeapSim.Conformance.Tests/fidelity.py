#!/usr/bin/env python3
"""Summarise a conformance run: per-version passed/total and the failing or known-gap cases.

usage: dotnet test tests/PyHeapSim.Conformance.Tests --logger "trx;LogFileName=conf.trx" --results-directory out
       python3 tests/PyHeapSim.Conformance.Tests/fidelity.py out/conf.trx
"""
import collections
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r'testName="([^"]+)"[^>]*outcome="(\w+)"', text)
per = collections.defaultdict(collections.Counter)
bad = collections.defaultdict(list)
for name, outcome in rows:
    label, case = name.split("/", 1)
    per[label][outcome] += 1
    if outcome != "Passed":
        bad[case].append(label)
print("| version | passed | total | share |")
print("|---|---|---|---|")
for label in sorted(per, key=lambda v: [int(x) if x.isdigit() else 0 for x in re.split(r"[.-]", v)]):
    c = per[label]
    total = sum(c.values())
    print(f"| {label} | {c['Passed']} | {total} | {100.0 * c['Passed'] / total:.1f} % |")
print()
print("Not passing (known gaps are listed with their reasons in known-gaps.txt):")
for case in sorted(bad):
    print(f"- `{case}`: {' '.join(sorted(bad[case]))}")
