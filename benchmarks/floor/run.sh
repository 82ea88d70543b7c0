#!/usr/bin/env bash
# The hot-path budgets' physical floor on this machine: the same work as PyHeapSim's public
# IncRef/DecRef and its empty-list allocate+free, written in C (gcc -O2), timed in a loop like the
# BenchmarkDotNet rows incref_decref and alloc_free_empty_list. See docs/benchmarks.md.
# usage: benchmarks/floor/run.sh            (needs gcc; valgrind optional, for instruction counts)
set -eu -o pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for prog in incref_decref list_alloc_free; do
  gcc -O2 -o "$out/$prog" "$here/$prog.c"
  echo "== $prog (5 rounds)"
  "$out/$prog"
done
if command -v valgrind >/dev/null; then
  # One round of 10^8 operations: instructions per operation = total / 10^8 (plus start-up, negligible).
  sed 's/round < 5/round < 1/' "$here/list_alloc_free.c" > "$out/one.c"
  gcc -O2 -o "$out/one" "$out/one.c"
  instr=$(valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$out/one" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,)
  echo "list alloc+free instructions/op: $(( instr / 100000000 ))"
fi
