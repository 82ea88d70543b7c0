#!/usr/bin/env bash
# Side-by-side runner: PyHeapSim simulator workloads against their CPython twins.
#
# usage: benchmarks/compare.sh [-b] [-r ROUNDS] [-q|--quick] [-o OUTDIR] [-a] [-t SECONDS] [WORKLOAD-GLOB ...]
#
#   -b          build the simulator side first (dotnet build -c Release; see SIM_DLL)
#   -r ROUNDS   fresh-process runs per side and workload (default 5; 1 with --quick)
#   -q|--quick  pass --quick to both sides (fewer samples; the CPython set takes < 60 s per interpreter)
#   -o OUTDIR   where raw results go (default: a new /tmp/pyheapsim-compare.XXXXXX):
#               OUTDIR/sim.jsonl, OUTDIR/<python version>.jsonl, OUTDIR/table.md
#   -a          append to existing OUTDIR/*.jsonl instead of truncating them
#   -t SECONDS  timeout per process (default 900)
#   -L LOAD     before each run wait (up to $LOAD_WAIT s, default 600) until the 1-minute load average is <= LOAD
#               (e.g. 1.5 on this 2-vCPU VM); every twin records its load in extra.loadavg
#   WORKLOAD-GLOB  bash globs over the ids of `benchmarks/cpython/twin.py --list`,
#               e.g. 'alloc_*' 'full_collect_live_*' (default: all)
#
# For every selected workload the runs are interleaved: sim, 3.11, 3.12, 3.13, sim, 3.11, ...
# for ROUNDS rounds.  Each run is a fresh process that prints one JSON line
#   {"workload": ..., "python": ..., "unit": ..., "median": x, "samples": [...], "extra": {...}}
# and benchmarks/cpython/table.py prints the markdown table
#   workload | sim | 3.11 | 3.12 | 3.13 | sim/3.11 | sim/3.13
# (median of the run medians).  A failed or missing run shows as n/a; nothing aborts.
#
# Environment:
#   SIM_CMD   simulator command template; {workload} is replaced by the id, {quick} by --quick
#             or nothing (if the template has no {quick}, --quick is appended when -q is given).
#             Default: dotnet "$SIM_DLL" --sidebyside {workload} {quick} --python "$SIM_PYTHON"
#             SIM_CMD=none skips the simulator (its columns show n/a).
#   SIM_DLL   the built benchmarks program; default: the first that exists of
#             benchmarks/PyHeapSim.Benchmarks/bin/Release/net10.0/PyHeapSim.Benchmarks.dll and
#             artifacts/bin/PyHeapSim.Benchmarks/release/PyHeapSim.Benchmarks.dll (--artifacts-path artifacts)
#   SIM_PYTHON  the version profile the simulator runs (default 3.13)
#   PYTHONS   space-separated interpreter paths (default: newest installed pyenv 3.11.*, 3.12.*, 3.13.*)
#   TABLE_PY  interpreter for table.py and the workload list (default: the first of PYTHONS)

set -u -o pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
twin="$here/cpython/twin.py"
table="$here/cpython/table.py"

rounds=""
build=0
quick=0
outdir=""
append=0
tmo=900
maxload=""
globs=()
while (($#)); do
    case "$1" in
        -r) rounds="$2"; shift 2 ;;
        -q|--quick) quick=1; shift ;;
        -o) outdir="$2"; shift 2 ;;
        -a) append=1; shift ;;
        -t) tmo="$2"; shift 2 ;;
        -L) maxload="$2"; shift 2 ;;
        -b) build=1; shift ;;
        -h|--help) sed -n '2,38p' "${BASH_SOURCE[0]}"; exit 0 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) globs+=("$1"); shift ;;
    esac
done
[[ -z "$rounds" ]] && { ((quick)) && rounds=1 || rounds=5; }
((${#globs[@]})) || globs=('*')
qflag=""; ((quick)) && qflag="--quick"

# --- interpreters -------------------------------------------------------------------------
pythons=()
if [[ -n "${PYTHONS:-}" ]]; then
    read -r -a pythons <<<"$PYTHONS"
else
    root="${PYENV_ROOT:-$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")}"
    for mm in 3.11 3.12 3.13; do
        best="$(ls -d "$root"/versions/"$mm".* 2>/dev/null | grep -E "/$mm\.[0-9]+$" | sort -V | tail -n 1)"
        [[ -n "$best" && -x "$best/bin/python" ]] && pythons+=("$best/bin/python")
    done
fi
((${#pythons[@]})) || { echo "no CPython 3.11/3.12/3.13 found (set PYTHONS)" >&2; exit 1; }
declare -A pyver
for py in "${pythons[@]}"; do
    pyver[$py]="$("$py" -c 'import platform; print(platform.python_version())')" || { echo "cannot run $py" >&2; exit 1; }
done
tpy="${TABLE_PY:-${pythons[0]}}"

# --- simulator ----------------------------------------------------------------------------
if ((build)); then
    dotnet build "$here/PyHeapSim.Benchmarks" -c Release -v q --nologo >&2 || { echo "build failed" >&2; exit 1; }
fi
sim_dll="${SIM_DLL:-}"
if [[ -z "$sim_dll" ]]; then
    for cand in "$here/PyHeapSim.Benchmarks/bin/Release/net10.0/PyHeapSim.Benchmarks.dll" \
                "$here/../artifacts/bin/PyHeapSim.Benchmarks/release/PyHeapSim.Benchmarks.dll"; do
        [[ -f "$cand" ]] && { sim_dll="$cand"; break; }
    done
fi
sim_python="${SIM_PYTHON:-3.13}"
sim_tmpl="${SIM_CMD:-}"
if [[ -z "$sim_tmpl" ]]; then
    if [[ -n "$sim_dll" && -f "$sim_dll" ]] && command -v dotnet >/dev/null; then
        sim_tmpl="dotnet '$sim_dll' --sidebyside {workload} {quick} --python $sim_python"
    else
        echo "simulator not built (run with -b, or set SIM_DLL): sim columns will be n/a" >&2
        sim_tmpl="none"
    fi
fi

# --- workloads ----------------------------------------------------------------------------
all="$("$tpy" "$twin" --list)" || { echo "twin.py --list failed" >&2; exit 1; }
workloads=()
for w in $all; do
    for g in "${globs[@]}"; do
        # shellcheck disable=SC2053  # glob match intended
        if [[ "$w" == $g ]]; then workloads+=("$w"); break; fi
    done
done
((${#workloads[@]})) || { echo "no workload matches: ${globs[*]}" >&2; exit 2; }

# --- output -------------------------------------------------------------------------------
[[ -z "$outdir" ]] && outdir="$(mktemp -d /tmp/pyheapsim-compare.XXXXXX)"
mkdir -p "$outdir"
if ((!append)); then
    : >"$outdir/sim.jsonl"
    for py in "${pythons[@]}"; do : >"$outdir/${pyver[$py]}.jsonl"; done
fi

# With -L: wait until the 1-minute load average is <= $maxload (at most 600 s).
wait_quiet() {
    [[ -z "$maxload" ]] && return 0
    local waited=0 load
    while :; do
        read -r load _ </proc/loadavg
        awk -v l="$load" -v m="$maxload" 'BEGIN { exit !(l <= m) }' && return 0
        ((waited >= ${LOAD_WAIT:-600})) && { echo "  load $load > $maxload after ${LOAD_WAIT:-600} s; running anyway" >&2; return 0; }
        sleep 5; waited=$((waited + 5))
    done
}

# Runs a command with a timeout; appends its last JSON-looking stdout line to $1.
run_one() {
    local out="$1" label="$2"; shift 2
    local t0 t1 line rc
    wait_quiet
    t0=$EPOCHREALTIME
    line="$(timeout "$tmo" "$@" 2>"$outdir/last.stderr" | grep -E '^\{' | tail -n 1)"
    rc=$?
    t1=$EPOCHREALTIME
    if [[ -n "$line" ]]; then
        printf '%s\n' "$line" >>"$out"
        printf '  %-6s %6.1fs  median %s\n' "$label" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
            "$(sed -E 's/.*"median": ([^,]*),.*/\1/' <<<"$line")" >&2
    else
        printf '  %-6s FAILED (rc %s): %s\n' "$label" "$rc" "$(tail -n 1 "$outdir/last.stderr")" >&2
    fi
}

echo "workloads: ${#workloads[@]}, rounds: $rounds, quick: $quick, out: $outdir" >&2
echo "interpreters: ${pythons[*]}" >&2
echo "simulator: $sim_tmpl" >&2
for w in "${workloads[@]}"; do
    echo "== $w" >&2
    for ((r = 1; r <= rounds; r++)); do
        if [[ "$sim_tmpl" != "none" ]]; then
            cmd="${sim_tmpl//\{workload\}/$w}"
            if [[ "$cmd" == *"{quick}"* ]]; then
                cmd="${cmd//\{quick\}/$qflag}"
            elif ((quick)); then
                cmd="$cmd --quick"
            fi
            run_one "$outdir/sim.jsonl" sim bash -c "$cmd"
        fi
        for py in "${pythons[@]}"; do
            run_one "$outdir/${pyver[$py]}.jsonl" "${pyver[$py]}" "$py" "$twin" --workload "$w" $qflag
        done
    done
done
rm -f "$outdir/last.stderr"

"$tpy" "$table" "$outdir" | tee "$outdir/table.md"
"$tpy" "$table" "$outdir" --stat min >"$outdir/table-fastest.md"
echo "raw results: $outdir" >&2
