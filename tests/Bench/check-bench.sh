#!/usr/bin/env bash
# The everyday-check benchmark (not a test): whole-process wall-clock medians of `apimlint check`
# (a) on fixtures/example with text output, (b) the same with SARIF, and (d) on deployments with
# 1x, 4x and 16x the configuration (event publishers, nginx locations and upstreams), beside the
# floor of any .NET process (a published hello world). Builds the ReadyToRun executable users run,
# and for comparison a self-contained build with the framework compiled into one composite image.
#
#   tests/Bench/check-bench.sh [--runs R]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=15
[[ ${1:-} == --runs ]] && runs=$2
command -v python3 >/dev/null || { echo "check-bench.sh: python3 is needed for timing" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/apimlint-check-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== building (Release, ReadyToRun; and self-contained with the framework in one composite ReadyToRun image)"
dotnet publish src/ApimLint.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/apimlint" --nologo -v quiet >/dev/null
# Its own intermediate folder: composite images left in obj/ would be reused by a later framework-dependent build.
dotnet publish src/ApimLint.Cli -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
  --artifacts-path "$work/composite-build" -o "$work/composite" --nologo -v quiet >/dev/null
mkdir -p "$work/hello"
cat > "$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
XML
echo 'System.Console.WriteLine("hello");' > "$work/hello/Program.cs"
dotnet publish "$work/hello" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/hello/out" --nologo -v quiet >/dev/null

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

median() {
  python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
for _ in range(3): subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
samples = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(samples):7.1f} ms")
PY
}

peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -n 1; }

apimlint=$work/apimlint/apimlint
printf '== medians of %s runs, whole process\n' "$runs"
printf '%-52s %s\n' "floor: .NET hello world (ReadyToRun)" "$(median "$work/hello/out/hello")"
printf '%-52s %s  (peak %s KB)\n' "(a) check fixtures/example, text" "$(median "$apimlint" check fixtures/example)" "$(peak "$apimlint" check fixtures/example)"
printf '%-52s %s  (peak %s KB)\n' "(b) check fixtures/example, SARIF" "$(median "$apimlint" check fixtures/example --format sarif)" "$(peak "$apimlint" check fixtures/example --format sarif)"
printf '%-52s %s\n' "(a) the same, self-contained composite build" "$(median "$work/composite/apimlint" check fixtures/example)"
printf '%-52s %s\n' "(b) the same, self-contained composite build" "$(median "$work/composite/apimlint" check fixtures/example --format sarif)"
for n in 1 4 16; do
  dir=$(scaled "$n")
  printf '%-52s %s\n' "(d) check, ${n}x configuration ($(find "$dir" -type f | wc -l) files)" "$(median "$apimlint" check "$dir")"
done
echo "(c) whole packs, check + drift against diff -rq: tests/Bench/bench.sh"
