#!/usr/bin/env bash
# The drift benchmark (not a test): times `apimlint diff` against `diff -rq` on two generated
# pack-shaped APIM_HOME trees, warm and cold-ish, and a rerun with --cache on the unchanged trees.
#
#   tests/Bench/bench.sh [--files N] [--megabytes M] [--runs R] [--readytorun] [--keep]
#
# Defaults: 5000 files and 500 MB per node (an API-M 2.6.0 pack), 7 runs of each measurement (the
# median is reported), on CPUs 0 and 1 when taskset is there. Everything is written under a temporary
# folder that is removed at the end (--keep leaves it). The release executable (dotnet publish -c Release -r
# linux-x64) is measured beside the framework-dependent build; --readytorun adds a framework-dependent ReadyToRun build.
set -euo pipefail
cd "$(dirname "$0")/../.."

files=5000
megabytes=500
runs=7
readytorun=0
keep=0
while (($#)); do
  case $1 in
    --files) files=$2; shift 2 ;;
    --megabytes) megabytes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --readytorun) readytorun=1; shift ;;
    --keep) keep=1; shift ;;
    *) echo "usage: tests/Bench/bench.sh [--files N] [--megabytes M] [--runs R] [--readytorun] [--keep]" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "bench.sh: python3 is needed (timing and page-cache eviction)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/apimlint-bench.XXXXXX")
if ((keep)); then echo "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi

pin=()
if command -v taskset >/dev/null && (($(nproc) >= 2)); then pin=(taskset -c 0,1); fi

# The everyday workloads first: (a) text, (b) SARIF, (d) the scale series, beside the .NET floor.
tests/Bench/check-bench.sh --runs "$runs"

echo "== building (Release)"
dotnet publish src/ApimLint.Cli -c Release -o "$work/apimlint" --nologo -v quiet >/dev/null
dotnet build tests/Bench/PackGen -c Release -o "$work/packgen" --nologo -v quiet >/dev/null
# Their own intermediate folders: composite images left in obj/ would be reused by another build.
dotnet publish src/ApimLint.Cli -c Release -r linux-x64 --artifacts-path "$work/release-build" -o "$work/apimlint-release" --nologo -v quiet >/dev/null
builds=("$work/apimlint/apimlint" "$work/apimlint-release/apimlint")
if ((readytorun)); then
  dotnet publish src/ApimLint.Cli -c Release -r linux-x64 --self-contained false -p:PublishSingleFile=false -p:PublishReadyToRunComposite=false \
    --artifacts-path "$work/r2r-build" -o "$work/apimlint-r2r" --nologo -v quiet >/dev/null
  builds+=("$work/apimlint-r2r/apimlint")
fi

echo "== generating two packs of $files files and $megabytes MB each"
dotnet "$work/packgen/packgen.dll" "$work/pack" --files "$files" --megabytes "$megabytes" >/dev/null
pack=$work/pack
for node in active passive; do
  printf '   %s: %s files, %s\n' "$node" "$(find "$pack/$node" -type f | wc -l)" "$(du -sh "$pack/$node" | cut -f1)"
done

# Evicts both trees from the page cache (posix_fadvise DONTNEED): cold-ish data, warm tools.
evict() {
  python3 - "$pack/active" "$pack/passive" <<'PY'
import os, sys
for root in sys.argv[1:]:
    for folder, _, names in os.walk(root):
        for name in names:
            fd = os.open(os.path.join(folder, name), os.O_RDONLY)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
PY
}

# Prints the wall-clock milliseconds of one run of the command (output discarded).
millis() {
  local start end
  start=$(date +%s%N)
  "${pin[@]}" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

median() { python3 -c 'import statistics, sys; print(int(statistics.median(int(v) for v in sys.argv[1:])))' "$@"; }

# Runs the commands alternately, $runs times each (evicting first when cold), and prints each median.
measure() {
  local mode=$1; shift
  local -a names=() times=()
  local i c
  for ((c = 0; c < $#; c++)); do times[c]=""; done
  for ((i = 0; i < runs; i++)); do
    c=0
    for command in "$@"; do
      [[ $mode == cold ]] && evict
      # shellcheck disable=SC2086
      times[c]+=" $(millis $command)"
      c=$((c + 1))
    done
  done
  for ((c = 0; c < $#; c++)); do
    # shellcheck disable=SC2086
    echo "$(median ${times[c]})"
  done
}

echo "== checking the answer"
"${builds[0]}" diff "$pack" --format json >"$work/diff.json" || true
python3 - "$work/diff.json" "$pack/planted.tsv" <<'PY'
import json, sys
found = sorted((d["rule"], d["file"], d["key"]) for d in json.load(open(sys.argv[1]))["differences"] if d["verdict"] != "expected")
planted = sorted(tuple(line.rstrip("\n").split("\t")) for line in open(sys.argv[2]))
print("   all %d planted differences found, nothing else" % len(planted) if found == planted else "   MISMATCH:\n   found   %s\n   planted %s" % (found, planted))
PY

echo "== machine"
echo "   $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs (measured on: ${pin[*]:-all}), $(free -g | awk '/Mem:/{print $2}') GB RAM"
echo "   $(uname -sr), .NET $(dotnet --version), $(diff --version | head -n1)"
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

for build in "${builds[@]}"; do
  case $build in
    *-r2r/*) label="apimlint diff (framework-dependent ReadyToRun)" ;;
    *-release/*) label="apimlint diff (release executable)" ;;
    *) label="apimlint diff" ;;
  esac
  millis "$build" diff "$pack" >/dev/null; millis diff -rq "$pack/active" "$pack/passive" >/dev/null   # warm up
  read -r -d '' warm_diff warm_ours < <(measure warm "diff -rq $pack/active $pack/passive" "$build diff $pack" && printf '\0') || true
  read -r -d '' cold_diff cold_ours < <(measure cold "diff -rq $pack/active $pack/passive" "$build diff $pack" && printf '\0') || true
  rm -f "$work/drift.cache"
  "$build" diff "$pack" --cache "$work/drift.cache" >/dev/null || true
  cached=$(measure warm "$build diff $pack --cache $work/drift.cache")
  echo "== $label, median of $runs runs (ms)"
  printf '   %-28s %8s %8s %7s\n' "" "diff -rq" apimlint ratio
  printf '   %-28s %8s %8s %7s\n' "warm page cache" "$warm_diff" "$warm_ours" "$(python3 -c "print(f'{$warm_ours/$warm_diff:.2f}x')")"
  printf '   %-28s %8s %8s %7s\n' "cold-ish (trees evicted)" "$cold_diff" "$cold_ours" "$(python3 -c "print(f'{$cold_ours/$cold_diff:.2f}x')")"
  printf '   %-28s %8s %8s\n' "rerun --cache, unchanged" "" "$cached"
done
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
