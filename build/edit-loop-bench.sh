#!/usr/bin/env bash
# The edit–build loop, measured side by side (docs/benchmarks/edit-build-loop.md):
#   (a) one hand-written file of src/Clients.Ovh edited, then `dotnet build src/Clients.Ovh.Generated` (the project
#       that holds the generated OVH surface and references the hand-written one: what a test project or an app builds);
#   baseline: the same edit in src/Clients.Optimum, then `dotnet build src/Clients.Optimum`.
# Same machine, same load: the two are interleaved (A B, then B A, ...), ROUNDS rounds (default 5), and the figure is
# the median of the per-round ratios (a)/baseline. The edit appends one comment line (the public surface is unchanged,
# which is the common case: a fix inside a handler), and every edited file is restored on exit.
# Normal builds (trim/AOT analyzers on, Debug), --no-restore after one warm-up build of each.
#   COLD=1 also times one cold build of each (`--no-incremental`, which rebuilds their references too).
#   OVH_PROJECT / OVH_FILE / BASE_PROJECT / BASE_FILE override what is built and edited.
#   CONSUMER=1 measures (b) instead of (a): a consumer project outside the solution (a temporary folder; Clients.*
#       only from the feed CLIENTS_PACKAGES_FEED, version CLIENTS_PACKAGE_VERSION, packed beforehand with
#       `dotnet pack Clients.sln -c Release -o FEED -p:ClientsVersion=VERSION`) that regenerates the seven default OVH
#       universes in its own project (<OvhUniverse>, from CLIENTS_SPEC_MIRROR), trim and AOT analyzers on; its
#       hand-written Handwritten.cs is edited and the project built. CONSUMER_GENERATED_PROJECT=false measures the
#       same consumer opted out of the generated project (Generated/ compiled into the consumer: the "before").
# Usage: build/edit-loop-bench.sh [ROUNDS]      prints one line per build and a summary; exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rounds=${1:-5}
ovh_project=${OVH_PROJECT:-src/Clients.Ovh.Generated/Clients.Ovh.Generated.csproj}
ovh_file=${OVH_FILE:-src/Clients.Ovh/OvhLog.cs}
base_project=${BASE_PROJECT:-src/Clients.Optimum/Clients.Optimum.csproj}
base_file=${BASE_FILE:-src/Clients.Optimum/OptimumEndpoints.cs}
work=$(mktemp -d)
label="(a)"
if [ "${CONSUMER:-0}" = 1 ]; then
  label="(b)"
  feed=${CLIENTS_PACKAGES_FEED:?CONSUMER=1 needs CLIENTS_PACKAGES_FEED (a folder of packed Clients.* packages)}
  version=${CLIENTS_PACKAGE_VERSION:?CONSUMER=1 needs CLIENTS_PACKAGE_VERSION}
  mirror=${CLIENTS_SPEC_MIRROR:-$(cd .. && pwd)/shared/specs-mirror}
  feed=$(cd "$feed" && pwd); mirror=$(cd "$mirror" && pwd)
  consumer=$work/consumer
  mkdir -p "$consumer/Bench.App"
  cp tests/Clients.Consumer/Directory.Build.props tests/Clients.Consumer/Directory.Build.targets tests/Clients.Consumer/Directory.Packages.props "$consumer/"
  normal_sources=$(dotnet nuget list source 2>/dev/null | sed -nE 's/^ *[0-9]+\. +(.+) \[Enabled\]$/\1/p' || true)
  {
    echo '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources>'
    echo "<add key=\"clients-feed\" value=\"$feed\" /></packageSources><packageSourceMapping>"
    echo '<packageSource key="clients-feed"><package pattern="Clients.*" /></packageSource>'
    while read -r name; do [ -n "$name" ] && echo "<packageSource key=\"$name\"><package pattern=\"*\" /></packageSource>"; done <<<"$normal_sources"
    echo '</packageSourceMapping></configuration>'
  } >"$consumer/NuGet.config"
  universes=$(python3 -c "import json; print(';'.join(json.load(open('specs/ovh/universes.json'))['universes']))")
  cat >"$consumer/Bench.App/Bench.App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <RootNamespace>Bench</RootNamespace>
    <EnableTrimAnalyzer>true</EnableTrimAnalyzer>
    <EnableAotAnalyzer>true</EnableAotAnalyzer>
    <ClientsPackageVersion>$version</ClientsPackageVersion>
    <ClientsGeneratedProject>${CONSUMER_GENERATED_PROJECT:-true}</ClientsGeneratedProject>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Clients.Ovh" Version="\$(ClientsPackageVersion)" />
    <PackageReference Include="Clients.Build" Version="\$(ClientsPackageVersion)" PrivateAssets="all" />
    <OvhUniverse Include="$universes" />
  </ItemGroup>
</Project>
XML
  cat >"$consumer/Bench.App/Program.cs" <<'CS'
using Microsoft.Extensions.DependencyInjection;

var services = new ServiceCollection();
services.AddOvhClients(options => options.ApplicationKey = "key");
System.Console.WriteLine(Bench.Handwritten.Describe(services.BuildServiceProvider()));
CS
  cat >"$consumer/Bench.App/Handwritten.cs" <<'CS'
namespace Bench;

/// <summary>The consumer's own code the bench edits.</summary>
public static class Handwritten
{
    /// <summary>Uses the clients generated into this project.</summary>
    public static string Describe(System.IServiceProvider services) =>
        services.GetService(typeof(Bench.Ovh.IOvhMeApi)) is null ? "no clients" : "clients";
}
CS
  echo "edit-loop-bench: consumer $consumer (ClientsGeneratedProject=${CONSUMER_GENERATED_PROJECT:-true}), RegenClients of $universes"
  if ! dotnet build "$consumer/Bench.App" -t:RegenClients -p:ClientsSpecMirror="$mirror" -nologo -v:q >"$work/regen.log" 2>&1; then
    tail -30 "$work/regen.log" >&2; echo "edit-loop-bench: RegenClients failed" >&2; exit 1
  fi
  echo "  generated: $(find "$consumer/Bench.App/Generated" -name '*.g.cs' | wc -l) files, $(cat $(find "$consumer/Bench.App/Generated" -name '*.g.cs') | wc -l) lines"
  ovh_project=$consumer/Bench.App/Bench.App.csproj
  ovh_file=$consumer/Bench.App/Handwritten.cs
fi
cp "$ovh_file" "$work/ovh.orig"; cp "$base_file" "$work/base.orig"
restore() { cp "$work/ovh.orig" "$ovh_file"; cp "$work/base.orig" "$base_file"; rm -rf "$work"; }
trap restore EXIT

# Milliseconds of one build; the log is kept for a failure.
build() {
  local project=$1 log=$work/build.log start end
  shift
  start=$(date +%s%N)
  if ! dotnet build "$project" -nologo -clp:NoSummary -v:q "$@" >"$log" 2>&1; then
    tail -30 "$log" >&2
    echo "edit-loop-bench: build of $project failed" >&2
    exit 1
  fi
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

edit() { printf '// edit-loop-bench %s\n' "$2" >>"$1"; }

echo "edit-loop-bench: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), dotnet $(dotnet --version)"
echo "  $label edit $ovh_file, build $ovh_project"
echo "  baseline: edit $base_file, build $base_project"
if [ "${COLD:-0}" = 1 ]; then
  echo "cold $label:        $(build "$ovh_project" --no-incremental) ms"
  echo "cold baseline:   $(build "$base_project" --no-incremental) ms"
fi
echo "warm-up: $label $(build "$ovh_project") ms, baseline $(build "$base_project") ms"

ratios=()
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    edit "$ovh_file" "$round"; a=$(build "$ovh_project" --no-restore)
    edit "$base_file" "$round"; b=$(build "$base_project" --no-restore)
  else
    edit "$base_file" "$round"; b=$(build "$base_project" --no-restore)
    edit "$ovh_file" "$round"; a=$(build "$ovh_project" --no-restore)
  fi
  ratio=$(python3 -c "print(f'{$a / $b:.2f}')")
  ratios+=("$ratio")
  echo "round $round: $label $a ms, baseline $b ms, ratio $ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | python3 -c "import sys, statistics; print(f'{statistics.median(float(x) for x in sys.stdin):.2f}')")
echo "median ratio $label/baseline over $rounds rounds: ${median}x (load now $(cut -d' ' -f1-3 /proc/loadavg))"
