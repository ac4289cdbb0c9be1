#!/usr/bin/env bash
# Rewrites src/*/PublicAPI.Unshipped.txt from the compiler's RS0016/RS0017 diagnostics (Microsoft.CodeAnalysis.PublicApiAnalyzers):
#   RS0016 (public symbol not declared)       -> the symbol is added to PublicAPI.Unshipped.txt
#   RS0017 (declared symbol no longer exists) -> removed from PublicAPI.Unshipped.txt, or, when it was shipped,
#                                                recorded as "*REMOVED*<symbol>" in PublicAPI.Unshipped.txt
# For the integrator after merging branches that changed public APIs; review the diff like any API change.
# Usage: build/update-public-api.sh [src/Clients.X ...]   (default: every src/ project with a PublicAPI.Unshipped.txt)
# Bounded: one rebuild per project, at most 3 passes (a fix can uncover more, e.g. nullable annotations).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  for f in src/*/PublicAPI.Unshipped.txt; do projects+=("$(dirname "$f")"); done
fi

# Warnings stay warnings here so that every missing symbol is reported in one build.
quiet=(-nologo -clp:NoSummary -p:TreatWarningsAsErrors=false -p:WarningsAsErrors=)
for project in "${projects[@]}"; do
  for pass in 1 2 3; do
    log=$(mktemp)
    if [ "$pass" -eq 1 ]; then
      # references built if needed; the project itself recompiled so that every diagnostic is reported
      dotnet build "$project" "${quiet[@]}" >/dev/null 2>&1 || true
      dotnet build "$project" --no-incremental -p:BuildProjectReferences=false "${quiet[@]}" >"$log" 2>&1 || true
    else
      # the PublicAPI files changed, so the compiler runs again
      dotnet build "$project" -p:BuildProjectReferences=false "${quiet[@]}" >"$log" 2>&1 || true
    fi
    changed=$(python3 - "$project" "$log" <<'PY'
import re, sys, os
project, log = sys.argv[1], sys.argv[2]
name = os.path.basename(project.rstrip('/'))
add, remove = set(), set()
pat = re.compile(r"(?:warning|error) (RS0016|RS0017): Symbol '(.*)' is (?:not part of the declared|part of the declared)")
for line in open(log, encoding='utf-8', errors='replace'):
    if f"{name}.csproj" not in line:
        continue
    m = pat.search(line)
    if m:
        (add if m.group(1) == 'RS0016' else remove).add(m.group(2))
def read(path):
    return [l.rstrip('\n') for l in open(path, encoding='utf-8')] if os.path.exists(path) else ['#nullable enable']
shipped_path, unshipped_path = os.path.join(project, 'PublicAPI.Shipped.txt'), os.path.join(project, 'PublicAPI.Unshipped.txt')
shipped, unshipped = read(shipped_path), read(unshipped_path)
header = [l for l in unshipped if l.startswith('#')] or ['#nullable enable']
body = set(l for l in unshipped if l and not l.startswith('#'))
before = set(body)
for symbol in remove:
    if symbol in body:
        body.discard(symbol)
    elif symbol in shipped:
        body.add('*REMOVED*' + symbol)
body |= add
if body != before:
    with open(unshipped_path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(header + sorted(body, key=lambda s: s.replace('*REMOVED*', ''))) + '\n')
print(len(add) + len(remove))
PY
)
    if grep -qE "error (CS|RS0016|RS0017)" "$log" && [ "$changed" = "0" ]; then
      grep -E "error " "$log" | sort -u | head -20
      rm -f "$log"
      echo "update-public-api: $project does not build; fix that first" >&2
      exit 1
    fi
    rm -f "$log"
    echo "update-public-api: $project pass $pass: $changed change(s)"
    [ "$changed" = "0" ] && break
  done
done
echo "update-public-api: done; review 'git diff -- src/*/PublicAPI.*.txt'"
