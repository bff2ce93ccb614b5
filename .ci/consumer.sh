#!/usr/bin/env bash
# Packs every packable project (GovStatsValidation, .Readers, .CrossReport, .NUnit, .Cli) into artifacts/packages and runs
# the consumer tests (tests/PackageConsumer) against those packages, restored from that folder, not by project reference.
# Among them DocsSnippetTests: every C# block of README.md, docs/integration.md and the package READMEs, built in fresh
# projects from the stock `dotnet new console` / `dotnet new nunit` templates with only the packed packages, and run.
# Every run packs a unique prerelease version (VersionPrefix-local.<utc time>.<pid>), so a package cached by an
# earlier run can never stand in for this one; this run's versions are removed from the NuGet cache at the end.
# Also installs the govstats tool from the packed tool package and runs it on tests/data/examples.
# Exit status: 0 when the consumer tests pass and the tool runs; non-zero otherwise.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
prefix="$(dotnet msbuild src/GovStatsValidation/GovStatsValidation.csproj -getProperty:VersionPrefix)"
suffix="local.$(date -u +%Y%m%d%H%M%S).$$"
version="$prefix-$suffix"
packages="$root/artifacts/packages"
tools="$root/artifacts/tools/$suffix"
cache="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')"

cleanup() {
  local dir
  for dir in "${cache%/}"/govstatsvalidation*/; do
    rm -rf "$dir$version"
    rmdir "$dir" 2>/dev/null || true
  done
  rm -rf "$tools"
}
trap cleanup EXIT

echo "== pack $version -> artifacts/packages"
rm -rf "$packages"
dotnet pack GovStatsValidation.sln -c Release -o "$packages" --version-suffix "$suffix" \
  -p:ContinuousIntegrationBuild=true -v quiet -nologo
ls -1 "$packages"
for id in GovStatsValidation GovStatsValidation.Readers GovStatsValidation.CrossReport GovStatsValidation.NUnit GovStatsValidation.Cli; do
  for ext in nupkg snupkg; do
    [[ -f "$packages/$id.$version.$ext" ]] || { echo "missing $id.$version.$ext" >&2; exit 1; }
  done
done

echo "== govstats tool from the package"
dotnet tool install GovStatsValidation.Cli --version "$version" --tool-path "$tools" \
  --add-source "$packages" >/dev/null

echo "== consumer tests (tests/PackageConsumer, docs snippets from the stock templates) against $version"
status=0
GOVSTATS_PACKAGES="$packages" GOVSTATS_PACKAGE_VERSION="$version" GOVSTATS_TOOL="$tools/govstats" \
  dotnet test tests/PackageConsumer/PackageConsumer.csproj -c Release \
  -p:GovStatsValidationPackageVersion="$version" -nologo || status=$?

tool_status=0
"$tools/govstats" check tests/data/examples/synthetic-clean-2021-2023.json || tool_status=$?
echo "govstats check (clean example) exit code: $tool_status"

if [[ $status -ne 0 || $tool_status -ne 0 ]]; then
  echo "consumer: FAILED (tests exit $status, tool exit $tool_status)"
  exit 1
fi
echo "consumer: passed ($version)"
