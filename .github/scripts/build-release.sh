#!/usr/bin/env bash
# Builds a release of apimlint: for each runtime identifier the self-contained single-file executable
# (the settings are in src/ApimLint.Cli/ApimLint.Cli.csproj: `dotnet publish src/ApimLint.Cli -c Release -r RID`
# alone builds the same file), the .NET tool package, and SHA256SUMS over all of them.
#
#   .github/scripts/build-release.sh [--no-pack] VERSION OUT-DIR [RID...]
#
# VERSION is the release without its tag's "v" (1.2.0, 1.2.0-rc.1); the commit is added from git when there is one.
# RIDs default to linux-x64 linux-arm64 osx-arm64 win-x64. OUT-DIR receives apimlint-RID (apimlint-win-x64.exe),
# apimlint.VERSION.nupkg and SHA256SUMS.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)

pack=1
if [[ ${1:-} == --no-pack ]]; then pack=0; shift; fi
if (($# < 2)); then
  echo "usage: .github/scripts/build-release.sh [--no-pack] VERSION OUT-DIR [RID...]" >&2
  exit 2
fi
version=$1 out=$2
shift 2
rids=("$@")
((${#rids[@]})) || rids=(linux-x64 linux-arm64 osx-arm64 win-x64)
if [[ ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "build-release.sh: '$version' is not a version such as 1.2.0 or 1.2.0-rc.1" >&2
  exit 2
fi

properties=(-p:Version="$version")
if commit=$(git -C "$root" rev-parse HEAD 2>/dev/null); then properties+=(-p:SourceRevisionId="$commit"); fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
# bin/obj of the release builds stay out of the checkout: composite images left in obj/ would be reused by other builds.
work=$(mktemp -d "${TMPDIR:-/tmp}/apimlint-release.XXXXXX")
trap 'rm -rf "$work"' EXIT

for rid in "${rids[@]}"; do
  echo "== apimlint $version for $rid"
  dotnet publish "$root/src/ApimLint.Cli" -c Release -r "$rid" "${properties[@]}" \
    --artifacts-path "$work/artifacts" -o "$work/$rid" --nologo -v quiet
  suffix=""
  [[ $rid == win-* ]] && suffix=.exe
  cp "$work/$rid/apimlint$suffix" "$out/apimlint-$rid$suffix"
done

if ((pack)); then
  echo "== the .NET tool package"
  dotnet pack "$root/src/ApimLint.Cli" -c Release "${properties[@]}" --artifacts-path "$work/artifacts" -o "$out" --nologo -v quiet
fi

echo "== SHA256SUMS"
cd "$out"
files=()
for file in apimlint-* apimlint.*.nupkg; do [[ -f $file ]] && files+=("$file"); done
if command -v sha256sum >/dev/null; then sha256sum "${files[@]}" >SHA256SUMS; else shasum -a 256 "${files[@]}" >SHA256SUMS; fi
cat SHA256SUMS
