#!/usr/bin/env bash
# The apimlint action, in two steps around the .NET set-up that only building from source needs:
#
#   run.sh resolve   writes version=RELEASE or version=source to GITHUB_OUTPUT
#   run.sh check     gets the release executable for this runner (or builds this checkout), checks the deployment
#                    and writes the step's outputs
#
# Every input arrives in the environment (action.yml), never in the script's text:
#   APIMLINT_PATH, APIMLINT_FAIL_LEVEL, APIMLINT_SARIF, APIMLINT_HTML, APIMLINT_ARGS, APIMLINT_CATEGORY: the inputs
#   APIMLINT_VERSION       a release (1.2.0 or v1.2.0), "source" (build this checkout), or empty: the action's own release
#   APIMLINT_ACTION_REPOSITORY, APIMLINT_ACTION_REF
#                          the repository and ref the action was used from (OWNER/apimlint, v1.2.0 or v1 or a commit);
#                          read from the action's folder when empty; a local path has neither
#   APIMLINT_DOWNLOAD_URL  where releases are, as TAG/FILE beneath it (tests: a file:// URL or a folder); by default
#                          https://github.com/OWNER/apimlint/releases/download
#   RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY: set by the runner
set -uo pipefail
action_root=$(cd "$(dirname "$0")/../../.." && pwd)
# The message may quote an input: escaped as workflow commands want, so that no value can start a command of its own.
fail() {
  local message="$*"
  message=${message//%/%25}; message=${message//$'\r'/%0D}; message=${message//$'\n'/%0A}
  echo "::error title=apimlint action::$message" >&2
  exit 2
}

# The runner checks a remote action out at .../_actions/OWNER/REPO/REF, which also names what the runner may not say.
# Anywhere else the action is used from a local path: its checkout is the code under test.
action_repository="" action_ref=""
if [[ $action_root =~ /_actions/([^/]+/[^/]+)/([^/]+)$ ]]; then
  action_repository=${APIMLINT_ACTION_REPOSITORY:-${BASH_REMATCH[1]}}
  action_ref=${APIMLINT_ACTION_REF:-${BASH_REMATCH[2]}}
fi
download_url=${APIMLINT_DOWNLOAD_URL:-}
if [[ -z $download_url && -n $action_repository ]]; then download_url=https://github.com/$action_repository/releases/download; fi

# The release this action checks with: the input, the tag the action was used at, or the Version its checkout was
# released as (the release workflow makes sure the tag equals it), so a commit or a major tag pins a release too.
resolve_version() {
  local wanted=${APIMLINT_VERSION:-}
  # Used from a local path (uses: ./.github/actions/apimlint), the checkout is the code under test: build it.
  if [[ -z $wanted && -z $download_url ]]; then wanted=source; fi
  local ref=${action_ref:-${APIMLINT_ACTION_REF:-}}
  if [[ -z $wanted && $ref =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then wanted=$ref; fi
  if [[ -z $wanted ]]; then
    wanted=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$action_root/Directory.Build.props" | head -n 1)
  fi
  wanted=${wanted#v}
  [[ $wanted == source || $wanted =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] ||
    fail "version '$wanted' is neither a release (1.2.0) nor 'source'"
  echo "$wanted"
}

# The release file for this runner, as build-release.sh names it.
asset_name() {
  case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
    Linux/X64) echo apimlint-linux-x64 ;;
    Linux/ARM64) echo apimlint-linux-arm64 ;;
    macOS/ARM64) echo apimlint-osx-arm64 ;;
    Windows/X64) echo apimlint-win-x64.exe ;;
    *) fail "no release executable for ${RUNNER_OS:-?} ${RUNNER_ARCH:-?}; use 'version: source' (it needs the .NET 10 SDK)" ;;
  esac
}

# Copies a release file to $2: from a folder, or with curl from a URL (https:// or file://).
get() {
  local url=$1 target=$2
  if [[ $url == *://* ]]; then
    curl --fail --silent --show-error --location --retry 3 --output "$target" "$url"
  else
    cp "$url" "$target"
  fi
}

sha256() { if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1; }

download() {
  local version=$1 asset folder
  asset=$(asset_name) || exit 2
  folder=$RUNNER_TEMP/apimlint-$version
  mkdir -p "$folder"
  # Used from a local path with a version: the releases of the repository it is in.
  local base=${download_url:-https://github.com/${GITHUB_REPOSITORY:-}/releases/download}
  base=${base%/}/v$version
  get "$base/$asset" "$folder/$asset" || fail "could not download $asset of apimlint $version from $base"
  get "$base/SHA256SUMS" "$folder/SHA256SUMS" || fail "could not download SHA256SUMS of apimlint $version from $base"
  local expected actual
  expected=$(awk -v name="$asset" '$2 == name || $2 == "*" name { print $1 }' "$folder/SHA256SUMS")
  actual=$(sha256 "$folder/$asset")
  [[ -n $expected ]] || fail "SHA256SUMS of apimlint $version lists no $asset"
  [[ $actual == "$expected" ]] || fail "$asset of apimlint $version does not match SHA256SUMS (got $actual, expected $expected)"
  chmod +x "$folder/$asset"
  echo "$folder/$asset"
}

# Builds this checkout in folders of its own: its own package folder (whatever NUGET_PACKAGES the caller set) and
# bin/obj outside the checkout; run from the action's root, so the SDK is chosen by no global.json of the caller.
build_from_source() {
  command -v dotnet >/dev/null || fail "'version: source' needs the .NET 10 SDK (actions/setup-dotnet)"
  (
    cd "$action_root" &&
      NUGET_PACKAGES=$RUNNER_TEMP/apimlint-nuget/ dotnet publish src/ApimLint.Cli -c Release \
        --artifacts-path "$RUNNER_TEMP/apimlint-build" -o "$RUNNER_TEMP/apimlint-source" --nologo -v quiet >&2
  ) || fail "could not build apimlint from $action_root"
  local suffix=""
  [[ ${RUNNER_OS:-} == Windows ]] && suffix=.exe
  echo "$RUNNER_TEMP/apimlint-source/apimlint$suffix"
}

# The SARIF category: the input, or the deployment folder relative to the workspace (prod/apim and staging/apim differ).
category() {
  if [[ -n ${APIMLINT_CATEGORY:-} ]]; then echo "${APIMLINT_CATEGORY%/}/"; return; fi
  local folder workspace
  folder=$(cd "$APIMLINT_PATH" 2>/dev/null && pwd -P) || folder=$APIMLINT_PATH
  workspace=$(cd "${GITHUB_WORKSPACE:-.}" && pwd -P)
  if [[ $folder == "$workspace" ]]; then folder=$(basename "$workspace")
  elif [[ $folder == "$workspace"/* ]]; then folder=${folder#"$workspace"/}
  else folder=$(basename "$folder"); fi
  echo "apimlint/$folder/"
}

# Counts from the JSON report's summary, which the writer indents by four spaces.
summary_count() { sed -n "s/^    \"$1\": \\([0-9]*\\),\\{0,1\\}\$/\\1/p" "$2" | head -n 1; }

case ${1:-} in
  resolve)
    version=$(resolve_version) || exit 2
    echo "version=$version" >>"${GITHUB_OUTPUT:-/dev/stdout}"
    exit 0 ;;
  check) ;;
  *) echo "usage: run.sh resolve|check" >&2; exit 2 ;;
esac
: "${RUNNER_TEMP:?RUNNER_TEMP is not set}"
version=$(resolve_version) || exit 2
if [[ $version == source ]]; then apimlint=$(build_from_source) || exit 2; else apimlint=$(download "$version") || exit 2; fi
echo "apimlint: $("$apimlint" --version)"

json=$RUNNER_TEMP/apimlint-report.json
summary=$RUNNER_TEMP/apimlint-summary.md
# shellcheck disable=SC2086  # args is a list of options, split on purpose
"$apimlint" check "$APIMLINT_PATH" --format github --format sarif --output "$APIMLINT_SARIF" \
  --format markdown --output "$summary" --format html --output "$APIMLINT_HTML" --format json --output "$json" \
  --fail-level "$APIMLINT_FAIL_LEVEL" ${APIMLINT_ARGS:-}
status=$?

if [[ -f $APIMLINT_SARIF ]]; then
  if command -v jq >/dev/null; then
    jq --arg id "$(category)" '.runs[].automationDetails.id = $id' "$APIMLINT_SARIF" >"$RUNNER_TEMP/apimlint-category.sarif" &&
      mv "$RUNNER_TEMP/apimlint-category.sarif" "$APIMLINT_SARIF"
  else
    echo "::warning title=apimlint action::jq not found: the SARIF keeps the category apimlint/<folder name>/"
  fi
fi
# GitHub shows at most 10 annotations of each kind per step: the job summary lists every finding.
if [[ -f $summary && -n ${GITHUB_STEP_SUMMARY:-} ]]; then cat "$summary" >> "$GITHUB_STEP_SUMMARY"; fi
{
  echo "exit-code=$status"
  echo "errors=$( [[ -f $json ]] && summary_count errors "$json")"
  echo "warnings=$( [[ -f $json ]] && summary_count warnings "$json")"
  echo "sarif-file=$APIMLINT_SARIF"
} >>"${GITHUB_OUTPUT:-/dev/null}"
exit "$status"
