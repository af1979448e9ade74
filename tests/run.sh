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

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet test ApimLint.sln --nologo --logger "trx" --results-directory "$results" "$@"
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
