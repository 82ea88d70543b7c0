#!/usr/bin/env bash
# Packs the pyheapsim tool the way a release does (docs/cli.md, "Install as a tool") and installs it
# from those packages into a local tool path, so the native binary can be run and timed.
#
# usage: benchmarks/build-aot-tool.sh [-o DIR] [-r RID]
#   -o DIR  where everything goes (default artifacts/aot-tool): DIR/nupkg the packages, DIR/build the
#           build output, DIR/tool the installed tool (DIR/tool/pyheapsim)
#   -r RID  the Native AOT package to build (default linux-x64); it must be one of the csproj's
#           ToolPackageRuntimeIdentifiers and the RID of this machine, since AOT compiles natively
#
# Three packs, as docs/core/tools/rid-specific-tools describes for a hybrid AOT + CoreCLR tool:
#   dotnet pack              the pointer package PyHeapSim.Cli (lists the RID packages)
#   dotnet pack -r any       PyHeapSim.Cli.any, framework-dependent, the fallback everywhere else
#   dotnet pack -r RID       PyHeapSim.Cli.RID, the Native AOT binary
# Each pack builds under DIR/build (--artifacts-path), not in src/*/bin: a pack there would replace
# the ReadyToRun build output that `dotnet run` and benchmarks/lesson-speed.sh use with plain IL, and
# would ship whatever an earlier publish left in the publish folder. The install is checked to be the
# native binary: with a listed RID whose package is missing, the installer fails rather than falling
# back to `any`, and with an unlisted RID it quietly installs `any`, which this script reports.
set -eu -o pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/artifacts/aot-tool" rid=linux-x64
while getopts "o:r:" opt; do
  case $opt in
    o) out=$OPTARG ;;
    r) rid=$OPTARG ;;
    *) sed -n '2,20p' "$0"; exit 2 ;;
  esac
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"
project="$root/src/PyHeapSim.Cli/PyHeapSim.Cli.csproj"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Stale packages of the same version would be installed instead of the new ones.
rm -rf "$out/nupkg" "$out/tool"
for pack_rid in "" any "$rid"; do
  echo "build-aot-tool: dotnet pack ${pack_rid:+-r $pack_rid}" >&2
  dotnet pack "$project" -c Release ${pack_rid:+-r "$pack_rid"} \
    --artifacts-path "$out/build" -o "$out/nupkg" -v q -nologo >&2
done

dotnet tool install --tool-path "$out/tool" --add-source "$out/nupkg" PyHeapSim.Cli >&2
tool="$out/tool/pyheapsim"
target="$(readlink -f "$tool")"
case "$target" in
  */pyheapsim.cli."$rid"/*) ;;
  *) echo "build-aot-tool: $tool is not the $rid AOT binary (resolved to $target)" >&2; exit 1 ;;
esac
echo "build-aot-tool: $(file -b "$target" | cut -d, -f1-2)" >&2
echo "$tool"
