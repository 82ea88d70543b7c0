#!/usr/bin/env bash
# Wall-clock time of the seed lesson (docs/examples/leccion_4_1.py, a 10^6-element list) on the
# simulator CLI against real CPython running the same file, side by side.
#
# usage: benchmarks/lesson-speed.sh [-a] [-b] [-n RUNS] [-f FILE] [-p VERSION]
#   -a          time the Native AOT tool (`pyheapsim run …`, installed by benchmarks/build-aot-tool.sh,
#               which runs first if the tool is missing) instead of `dotnet PyHeapSim.Cli.dll run …`
#   -b          build the CLI first (dotnet build src/PyHeapSim.Cli -c Release; with -a, the AOT tool)
#   -n RUNS     fresh-process runs per side, interleaved (default 9); medians are reported
#   -f FILE     the lesson (default docs/examples/leccion_4_1.py)
#   -p VERSION  the simulated profile and the CPython compared with (default 3.13)
#
# Environment: SIM_DLL (default src/PyHeapSim.Cli/bin/Release/net10.0/PyHeapSim.Cli.dll),
# SIM_TOOL for -a (default artifacts/aot-tool/tool/pyheapsim, built when missing; a SIM_TOOL is timed as is),
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
aot=0 build=0 runs=9 file="$root/docs/examples/leccion_4_1.py" ver=3.13
while getopts "abn:f:p:" opt; do
  case $opt in
    a) aot=1 ;;
    b) build=1 ;;
    n) runs=$OPTARG ;;
    f) file=$OPTARG ;;
    p) ver=$OPTARG ;;
    *) sed -n '2,23p' "$0"; exit 2 ;;
  esac
done
sim_dll="${SIM_DLL:-$root/src/PyHeapSim.Cli/bin/Release/net10.0/PyHeapSim.Cli.dll}"
if [[ -z "${PYTHON:-}" ]]; then
  pyroot="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"
  PYTHON="$(ls -d "$pyroot"/versions/"$ver".* 2>/dev/null | sort -V | tail -1)/bin/python"
fi
if [[ $aot == 1 ]]; then
  if [[ -n ${SIM_TOOL:-} ]]; then
    sim_tool="$SIM_TOOL"
  else
    sim_tool="$root/artifacts/aot-tool/tool/pyheapsim"
    if [[ $build == 1 || ! -x $sim_tool ]]; then sim_tool="$("$here/build-aot-tool.sh")"; fi
  fi
  sim_mode=aot sim_path="$sim_tool"
else
  [[ $build == 1 ]] && dotnet build "$root/src/PyHeapSim.Cli" -c Release -v q -nologo >/dev/null
  sim_mode=dll sim_path="$sim_dll"
fi

exec "$PYTHON" - "$sim_mode" "$sim_path" "$PYTHON" "$file" "$ver" "$runs" "$here/lesson-speed" <<'PY'
import os, resource, statistics, subprocess, sys, time
sim_mode, sim_path, python, lesson, ver, runs, stub = sys.argv[1:]
# The dll through the dotnet host (ReadyToRun build output), or the native AOT binary itself.
sim = (["dotnet", sim_path] if sim_mode == "dll" else [sim_path]) + ["run", "--python", ver, lesson]
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
print(f"simulator   wall median {med(ws):.3f} s  cpu median {med(cs):.3f} s   wall [{fmt(ws)}]  {sim_mode}: {sim_path}")
print(f"CPython     wall median {med(wc):.3f} s  cpu median {med(cc):.3f} s   wall [{fmt(wc)}]  {python}")
print(f"ratio       wall {med(ws) / med(wc):.2f}x   cpu {med(cs) / med(cc):.2f}x")
PY
