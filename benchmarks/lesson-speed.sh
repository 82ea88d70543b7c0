#!/usr/bin/env bash
# Wall-clock time of the seed lesson (docs/examples/leccion_4_1.py, a 10^6-element list) on the
# simulator CLI against real CPython running the same file, side by side.
#
# usage: benchmarks/lesson-speed.sh [-b] [-n RUNS] [-f FILE] [-p VERSION]
#   -b          build the CLI first (dotnet build src/PyHeapSim.Cli -c Release)
#   -n RUNS     fresh-process runs per side, interleaved (default 9); medians are reported
#   -f FILE     the lesson (default docs/examples/leccion_4_1.py)
#   -p VERSION  the simulated profile and the CPython compared with (default 3.13)
#
# Environment: SIM_DLL (default src/PyHeapSim.Cli/bin/Release/net10.0/PyHeapSim.Cli.dll),
# PYTHON (default $(pyenv root)/versions/<newest VERSION.*>/bin/python).
#
# The lesson imports numpy. The pyenv interpreters have none, so CPython runs with
# benchmarks/lesson-speed/ on PYTHONPATH, whose numpy.py is a stub with what the lesson uses
# (zeros, shape, dtype, nbytes); a real numpy import adds ~0.1 s to CPython's side. Both sides'
# outputs are compared before timing (the simulator must print what CPython prints, the stub's
# line included). Wall and CPU (user + sys) medians are both printed: on a shared machine the CPU
# time is the steadier of the two, the wall time is the goal's measure.
set -eu -o pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build=0 runs=9 file="$root/docs/examples/leccion_4_1.py" ver=3.13
while getopts "bn:f:p:" opt; do
  case $opt in
    b) build=1 ;;
    n) runs=$OPTARG ;;
    f) file=$OPTARG ;;
    p) ver=$OPTARG ;;
    *) sed -n '2,19p' "$0"; exit 2 ;;
  esac
done
sim_dll="${SIM_DLL:-$root/src/PyHeapSim.Cli/bin/Release/net10.0/PyHeapSim.Cli.dll}"
if [[ -z "${PYTHON:-}" ]]; then
  pyroot="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"
  PYTHON="$(ls -d "$pyroot"/versions/"$ver".* 2>/dev/null | sort -V | tail -1)/bin/python"
fi
[[ $build == 1 ]] && dotnet build "$root/src/PyHeapSim.Cli" -c Release -v q -nologo >/dev/null

exec "$PYTHON" - "$sim_dll" "$PYTHON" "$file" "$ver" "$runs" "$here/lesson-speed" <<'PY'
import os, resource, statistics, subprocess, sys, time
sim_dll, python, lesson, ver, runs, stub = sys.argv[1:]
sim = ["dotnet", sim_dll, "run", "--python", ver, lesson]
cpy = [python, lesson]
env = dict(os.environ, PYTHONPATH=stub)

def once(cmd):
    """Wall time, CPU time (user + sys of the child) and stdout of one fresh process."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    dt = time.perf_counter() - t
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    global _cpu
    cpu, _cpu = ru.ru_utime + ru.ru_stime - _cpu, ru.ru_utime + ru.ru_stime
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({p.returncode}):\n{err.decode()}")
    return dt, cpu, out

_cpu = 0.0
out_sim = once(sim)[2]
out_cpy = once(cpy)[2]
if out_sim != out_cpy:
    sys.exit("outputs differ: the simulator does not print what CPython prints")
ws, wc, cs, cc = [], [], [], []
for _ in range(int(runs)):
    w, c, _ = once(sim); ws.append(w); cs.append(c)
    w, c, _ = once(cpy); wc.append(w); cc.append(c)
med = statistics.median
fmt = lambda xs: " ".join(f"{x:.3f}" for x in sorted(xs))
print(f"lesson      {os.path.relpath(lesson)}  (profile {ver}, {runs} interleaved runs, load {os.getloadavg()[0]:.1f})")
print(f"simulator   wall median {med(ws):.3f} s  cpu median {med(cs):.3f} s   wall [{fmt(ws)}]")
print(f"CPython     wall median {med(wc):.3f} s  cpu median {med(cc):.3f} s   wall [{fmt(wc)}]  {python}")
print(f"ratio       wall {med(ws) / med(wc):.2f}x   cpu {med(cs) / med(cc):.2f}x")
PY
