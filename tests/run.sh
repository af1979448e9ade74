#!/usr/bin/env bash
# Runs every test of apimlint. Installs what the tests need when it is missing, then runs
# `dotnet test` and ends with one line "N passed, N failed" read from the TRX logs.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "tests/run.sh: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  echo "0 passed, 0 failed"
  exit 2
fi

# From Debian: nginx and openssl, which the fix tests ask whether a configuration is accepted (nginx -t),
# chromium, in which the HTML report tests open the report, and pre-commit, which runs the repository's hook.
missing=()
[[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[[ -x /usr/bin/chromium || -x /usr/bin/google-chrome ]] || missing+=(chromium)
[[ -x /usr/bin/pre-commit ]] || missing+=(pre-commit)
if (( ${#missing[@]} > 0 )) && command -v apt-get >/dev/null 2>&1; then
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo_cmd="sudo"
  { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"; } >/dev/null 2>&1 || true
fi
[[ -x /usr/sbin/nginx ]] || echo "tests/run.sh: could not install nginx (apt-get); the nginx tests will fail" >&2
[[ -x /usr/bin/chromium || -x /usr/bin/google-chrome ]] || echo "tests/run.sh: could not install chromium (apt-get); the browser tests will fail" >&2
[[ -x /usr/bin/pre-commit ]] || echo "tests/run.sh: could not install pre-commit (apt-get); the pre-commit hook tests will fail" >&2

# From npm: Microsoft's SARIF validator, which the SARIF tests run (its install script is not run here),
# and mermaid, whose parser the Markdown report's flowcharts must satisfy.
tools="tests/.tools"
multitool="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
mermaid="$tools/node_modules/mermaid/dist/mermaid.min.js"
if [[ ! -x $multitool || ! -f $mermaid ]]; then
  if command -v npm >/dev/null 2>&1; then
    npm install --prefix "$tools" --no-audit --no-fund --silent @microsoft/sarif-multitool@5.7.0 mermaid@12.3.0 >/dev/null 2>&1 || true
    [[ -f $multitool ]] && chmod u+x "$multitool"
  fi
  [[ -x $multitool ]] || echo "tests/run.sh: could not install @microsoft/sarif-multitool (npm); the SARIF validation tests will fail" >&2
  [[ -f $mermaid ]] || echo "tests/run.sh: could not install mermaid (npm); the flowchart tests will fail" >&2
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet test ApimLint.sln --nologo --logger "trx" --results-directory "$results" "$@" 2>&1
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [[ -f $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
echo "$passed passed, $failed failed"
exit $status
