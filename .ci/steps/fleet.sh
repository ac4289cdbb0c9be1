#!/usr/bin/env bash
# CI step for issue 10 (fleet tokens, resilience, telemetry): the fleet test (4 OS processes + a real redis-server)
# and a small bounded run of the load and fault tool. Both projects are outside Clients.sln on purpose.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

port="${CLIENTS_FLEET_REDIS_PORT:-6390}"
redis_dir=$(mktemp -d)
passed=0
failed=0

stop_redis() {
  if [ -f "$redis_dir/redis.pid" ] && kill -0 "$(cat "$redis_dir/redis.pid")" 2>/dev/null; then
    kill "$(cat "$redis_dir/redis.pid")" || true
  fi
  rm -rf "$redis_dir"
}
trap stop_redis EXIT

echo "== fleet: redis-server"
if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
  echo "port $port already has a redis-server that this script did not start; set CLIENTS_FLEET_REDIS_PORT"
  echo "0 passed, 1 failed"
  exit 1
fi
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

echo "== fleet: build"
dotnet build tests/Clients.FleetTests -v q -nologo
dotnet build tests/Clients.LoadTests -v q -nologo

echo "== fleet: 4 processes x 1,000 concurrent calls per provider, real redis on 127.0.0.1:$port"
set +e
timeout 300 dotnet tests/Clients.FleetTests/bin/Debug/net10.0/Clients.FleetTests.dll --redis-port "$port" --processes 4 --calls 1000 2>"$redis_dir/fleet-stderr.log" | tee "$redis_dir/fleet.log"
fleet_status=${PIPESTATUS[0]}
set -e
[ "$fleet_status" -eq 0 ] || tail -n 50 "$redis_dir/fleet-stderr.log" || true
p=$(grep -c '^PASS ' "$redis_dir/fleet.log" || true); f=$(grep -c '^FAIL ' "$redis_dir/fleet.log" || true)
passed=$((passed + p)); failed=$((failed + f))
if [ "$fleet_status" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi

echo "== fleet: load and fault tool, small bounded configuration"
# The schedule is driven by progress and by time (outage 2 s, revocation >= 1 s later, clock skew >= 1 s after that), so
# the run must last more than ~4 s after its first 10 %: 20,000 calls keep it so up to ~3,000 calls/s (6,000 calls ended
# before the last event once the clients got faster: 1,406 calls/s, 4.3 s). Issue 20's faults ride along, injected below
# the pipeline by the sandbox's fault injector: bodies dropped (0.5 %) and truncated (0.1 %) halfway, bodies stalled
# (0.2 %, 4 s, longer than the 2 s attempt timeout), 200s carrying an HTML page (0.1 %, counted as typed errors).
set +e
timeout 180 dotnet tests/Clients.LoadTests/bin/Debug/net10.0/Clients.LoadTests.dll \
  --calls 20000 --concurrency 64 --resets 0.02 --e503 0.05 --e429 0.01 --outage-seconds 2 --token-lifetime 8 \
  --drops 0.005 --stalls 0.002 --html 0.001 --truncated 0.001 --attempt-timeout 2 --stall-seconds 4 | tee "$redis_dir/load.log"
load_status=${PIPESTATUS[0]}
set -e
if [ "$load_status" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "fleet: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
