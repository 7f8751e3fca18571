#!/usr/bin/env bash
# farm-19k-sharded.sh: 19,000 miners from two generator processes against one simulator process, on one machine.
#
# Usage: scripts/farm-19k-sharded.sh [RUN OPTIONS...]      e.g. --publish, or --out DIR, or --set key=value
#
# Starts `stratumlab server` in its own JVM on 127.0.0.1:32600 (the target of scenarios/farm-19k-sharded.yaml: a
# window of 2, a block every 2 s, no new job per solution, difficulty 16, its Prometheus metrics on a free port),
# runs `stratumlab run scenarios/farm-19k-sharded.yaml --shards 2 --local` (two shard processes, merged into one
# run folder), then saves the simulator's own counters beside the merged result (server-metrics.prom) and prints
# them against the merge's, and stops the simulator. Exit status: the run's.
# Environment: STRATUMLAB_JAVA_OPTS (every JVM), STRATUMLAB (the launcher; default ./stratumlab beside this).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher=${STRATUMLAB:-$root/stratumlab}
log=$(mktemp /tmp/farm-19k-server.XXXXXX.log)
cd "$root"

"$launcher" server --port 32600 --metrics-port 0 --difficulty 16 --window 2 --block-interval 2s \
  --new-job-on-solution false >"$log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; wait $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 600); do grep -q 'listening on' "$log" 2>/dev/null && break; sleep 0.1; done
mport=$(grep -o 'metrics=http://127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
[[ -n "$mport" ]] || { echo "farm-19k-sharded: the simulator did not start:" >&2; cat "$log" >&2; exit 1; }

status=0
"$launcher" run scenarios/farm-19k-sharded.yaml --shards 2 --local "$@" | tee "$log.run" || status=${PIPESTATUS[0]}
dir=$(grep -o '^report .*/report.html' "$log.run" | tail -1 | sed 's/^report //; s|/report.html$||' || true)
if [[ -n "$dir" && -d "$dir" ]]; then
  curl -s "http://127.0.0.1:$mport/metrics" >"$dir/server-metrics.prom"
  echo "simulator's counters (saved in $dir/server-metrics.prom):"
  grep -E '^stratum_submits_total' "$dir/server-metrics.prom" | sed 's/^/  /'
  python3 - "$dir/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["submits"]
print("merged summary: sent %d, accepted %d, rejected %s, errors %d, unanswered %d"
      % (s["sent"], s["accepted"], s["rejected"], s["errors"], s["unanswered"]))
PY
fi
exit "$status"
