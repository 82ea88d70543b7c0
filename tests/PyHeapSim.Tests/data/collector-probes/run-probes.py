"""Runs every collector probe on CPython 3.8-3.13 and records what each printed.

    python3 run-probes.py            # all probes, all six interpreters -> recorded/<probe>/<x.y>.txt
    python3 run-probes.py cycles     # one probe

Each probe prints `key: value` lines; the C# tests read these files (CollectorProbe.Expected) and
compare the simulator's values with them. Nothing under recorded/ is hand-edited.
"""
import os
import pathlib
import subprocess
import sys

VERSIONS = ["3.8.18", "3.9.18", "3.10.13", "3.11.7", "3.12.1", "3.13.0"]
HERE = pathlib.Path(__file__).resolve().parent


def pyenv_root():
    root = os.environ.get("PYENV_ROOT")
    if root:
        return pathlib.Path(root)
    try:
        return pathlib.Path(subprocess.check_output(["pyenv", "root"], text=True).strip())
    except (OSError, subprocess.CalledProcessError):
        return pathlib.Path.home() / ".pyenv"


def main(argv):
    probes = sorted(p for p in HERE.glob("*.py") if p.name != "run-probes.py")
    if argv:
        probes = [p for p in probes if p.stem in argv]
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONMALLOC", "PYTHONDEVMODE", "PYTHONSTARTUP", "PYTHONOPTIMIZE")}
    env["PYTHONHASHSEED"] = "0"
    failed = False
    for probe in probes:
        out_dir = HERE / "recorded" / probe.stem
        out_dir.mkdir(parents=True, exist_ok=True)
        for full in VERSIONS:
            exe = pyenv_root() / "versions" / full / "bin" / "python"
            short = ".".join(full.split(".")[:2])
            run = subprocess.run([str(exe), "-s", str(probe)], capture_output=True, text=True, env=env)
            if run.returncode != 0:
                print(f"{probe.stem} on {full} failed:\n{run.stderr}", file=sys.stderr)
                failed = True
                continue
            (out_dir / f"{short}.txt").write_text(f"# {probe.name} on CPython {full}\n" + run.stdout)
            print(f"{probe.stem} {short}: {len(run.stdout.splitlines())} lines")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
