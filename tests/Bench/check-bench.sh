#!/usr/bin/env bash
# The everyday-check benchmark (not a test): whole-process wall-clock medians of `apimlint check`
# (a) on fixtures/example with text output, (b) the same with SARIF, and (d) on deployments with
# 1x, 4x and 16x the configuration (event publishers, nginx locations and upstreams), each beside the
# floor of any .NET process built the same way (a hello world). Two builds are measured side by side,
# alternately in one run: the release executable (`dotnet publish src/ApimLint.Cli -c Release -r linux-x64`:
# self-contained, one file, one composite ReadyToRun image) and the framework-dependent ReadyToRun build.
#
#   tests/Bench/check-bench.sh [--runs R]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=15
[[ ${1:-} == --runs ]] && runs=$2
command -v python3 >/dev/null || { echo "check-bench.sh: python3 is needed for timing" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/apimlint-check-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== building the release executable, the framework-dependent ReadyToRun build, and a hello world each way"
# Each build in its own intermediate folder: composite images left in obj/ would be reused by another build.
quiet=(--nologo -v quiet)
dotnet publish src/ApimLint.Cli -c Release -r linux-x64 --artifacts-path "$work/release-build" -o "$work/release" "${quiet[@]}" >/dev/null
framework_dependent=(--self-contained false -p:PublishSingleFile=false -p:PublishReadyToRunComposite=false)
dotnet publish src/ApimLint.Cli -c Release -r linux-x64 "${framework_dependent[@]}" --artifacts-path "$work/r2r-build" -o "$work/r2r" "${quiet[@]}" >/dev/null
mkdir -p "$work/hello"
# The release settings of src/ApimLint.Cli/ApimLint.Cli.csproj and Directory.Build.props, for a runtime identifier.
cat > "$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
  <PropertyGroup Condition="'$(RuntimeIdentifier)' != ''">
    <SelfContained>true</SelfContained><PublishSingleFile>true</PublishSingleFile><PublishReadyToRun>true</PublishReadyToRun>
    <PublishReadyToRunComposite>true</PublishReadyToRunComposite><IncludeNativeLibrariesForSelfExtract>true</IncludeNativeLibrariesForSelfExtract>
    <TieredPGO>false</TieredPGO><ConcurrentGarbageCollection>false</ConcurrentGarbageCollection><EventSourceSupport>false</EventSourceSupport>
  </PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello");' > "$work/hello/Program.cs"
dotnet publish "$work/hello" -c Release -r linux-x64 --artifacts-path "$work/hello-release-build" -o "$work/hello-release" "${quiet[@]}" >/dev/null
dotnet publish "$work/hello" -c Release -r linux-x64 "${framework_dependent[@]}" --artifacts-path "$work/hello-r2r-build" -o "$work/hello-r2r" "${quiet[@]}" >/dev/null

# A deployment with N times the configuration: publishers, nginx locations and upstreams copied N times.
scaled() {
  local n=$1 dir=$work/scale-$1
  cp -r fixtures/correct-same-host "$dir"
  for node in active passive; do
    local pubs=$dir/$node/repository/deployment/server/eventpublishers
    for ((i = 1; i < n * 5; i++)); do
      sed "s/name=\"jmsEventPublisher\"/name=\"jmsEventPublisher$i\"/" "$pubs/jmsEventPublisher.xml" > "$pubs/extra$i.xml"
    done
  done
  python3 - "$dir/nginx/nginx.conf" "$n" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
text = open(path).read()
extra = "".join(f"""
    upstream extra{i} {{
        server 127.0.0.1:9443;
        server 127.0.0.1:9444 backup;
    }}
""" for i in range(1, n * 20))
locations = "".join(f"""
        location /extra{i} {{
            proxy_set_header X-Forwarded-Host $host;
            proxy_set_header X-Forwarded-Server $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_pass https://allnodes/store;
        }}
""" for i in range(1, n * 20))
text = text.replace("    server {\n", extra + "\n    server {\n", 1).replace("        #Carbon - Manager-worker", locations + "        #Carbon - Manager-worker", 1)
open(path, "w").write(text)
PY
  echo "$dir"
}

# Runs the commands alternately, $runs times each after three warm-up runs, and prints the median of each in ms.
medians() {
  python3 - "$runs" "$@" <<'PY'
import shlex, statistics, subprocess, sys, time
runs, commands = int(sys.argv[1]), [shlex.split(c) for c in sys.argv[2:]]
run = lambda command: subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for command in commands:
    for _ in range(3): run(command)
samples = [[] for _ in commands]
for _ in range(runs):
    for i, command in enumerate(commands):
        start = time.perf_counter()
        run(command)
        samples[i].append((time.perf_counter() - start) * 1000)
print(" ".join(f"{statistics.median(s):.1f}" for s in samples))
PY
}

peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -n 1; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}x')"; }

release=$work/release/apimlint r2r=$work/r2r/apimlint
echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs, $(uname -sr), .NET $(dotnet --version)"
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '== medians of %s runs, whole process, ms (ratio to the hello world built the same way)\n' "$runs"
read -r hello_release hello_r2r text_release text_r2r sarif_release sarif_r2r < <(medians \
  "$work/hello-release/hello" "$work/hello-r2r/hello" \
  "$release check fixtures/example" "$r2r check fixtures/example" \
  "$release check fixtures/example --format sarif" "$r2r check fixtures/example --format sarif")
printf '%-40s %24s %24s\n' "" "release executable" "framework-dependent R2R"
printf '%-40s %24s %24s\n' "floor: hello world" "$hello_release" "$hello_r2r"
printf '%-40s %24s %24s\n' "(a) check fixtures/example, text" "$text_release ($(ratio "$text_release" "$hello_release"))" "$text_r2r ($(ratio "$text_r2r" "$hello_r2r"))"
printf '%-40s %24s %24s\n' "(b) check fixtures/example, SARIF" "$sarif_release ($(ratio "$sarif_release" "$hello_release"))" "$sarif_r2r ($(ratio "$sarif_r2r" "$hello_r2r"))"
printf '%-40s %24s %24s\n' "    peak memory, text / SARIF (KB)" "$(peak "$release" check fixtures/example) / $(peak "$release" check fixtures/example --format sarif)" \
  "$(peak "$r2r" check fixtures/example) / $(peak "$r2r" check fixtures/example --format sarif)"
python3 - "$text_release" "$sarif_release" "$hello_release" <<'PY'
import sys
text, sarif, hello = map(float, sys.argv[1:])
verdict = lambda value, limit: f"{value / hello:.2f}x (target <= {limit}x: {'met' if value / hello <= limit else 'missed'})"
print(f"   release executable against its hello world: text {verdict(text, 3.4)}, SARIF {verdict(sarif, 7)}")
PY
for n in 1 4 16; do
  dir=$(scaled "$n")
  printf '%-40s %24s\n' "(d) check, ${n}x configuration ($(find "$dir" -type f | wc -l) files)" "$(medians "$release check $dir")"
done
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(c) whole packs, check + drift against diff -rq: tests/Bench/bench.sh"
