#!/usr/bin/env bash
# endpoint-cost.sh: what one submit costs each side, in CPU time and system calls, at a fixed rate.
#
# Usage: scripts/endpoint-cost.sh TRANSPORT RATE [MINERS] [SECONDS] [WARMUP_S]
#   TRANSPORT  auto, io_uring, epoll or nio (both ends use it)
#   RATE       submits per second in all (spread over MINERS miners; default 1000 miners)
#   SECONDS    the measured window (default 20), after WARMUP_S seconds (default 10) at the same rate
#
# Starts `stratumlab server` in its own JVM (difficulty 1: every submit is one Keccak check and accepted; a new job every 500 ms as in submit-50k), drives
# it with `stratumlab loadgen` in another, and over the window reads each process's user and system CPU time
# (/proc/PID/stat) and its system calls (perf's raw_syscalls:sys_enter tracepoint, when perf can read it), and
# the submits the server answered (its Prometheus counter). One line of results per side, on stdout; the run
# folder of the load generator is kept under $OUT (default a new folder in /tmp).
# Environment: STRATUMLAB_JAVA_OPTS (both JVMs), STRATUMLAB (the launcher; default ./stratumlab beside this),
# BREAKDOWN=1 (also count, one by one, the calls that carry messages and waits, as Netty 4.2 makes them:
# sendto, recvfrom, write, read, epoll_wait, epoll_pwait2, futex, io_uring_enter).
set -euo pipefail
transport=${1:?usage: endpoint-cost.sh TRANSPORT RATE [MINERS] [SECONDS] [WARMUP_S]}
rate=${2:?usage: endpoint-cost.sh TRANSPORT RATE [MINERS] [SECONDS] [WARMUP_S]}
miners=${3:-1000}
window=${4:-20}
warmup=${5:-10}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher=${STRATUMLAB:-$root/stratumlab}
out=${OUT:-$(mktemp -d /tmp/endpoint-cost.XXXXXX)}
mkdir -p "$out"
hz=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 " " $15}' "/proc/$1/stat"; } # utime stime, in clock ticks
submits() { curl -s "http://127.0.0.1:$1/metrics" | awk '/^stratum_submits_total/ {s += $2} END {printf "%d", s}'; }
metrics_port() { grep -o 'metrics=http://127.0.0.1:[0-9]*' "$out/server.log" | grep -o '[0-9]*$' || true; }

"$launcher" server --port 0 --metrics-port 0 --transport "$transport" --difficulty 1 --block-interval 500ms \
  --new-job-on-solution false --window 2 >"$out/server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 300); do grep -q 'listening on' "$out/server.log" 2>/dev/null && break; sleep 0.1; done
port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$out/server.log" | grep -o '[0-9]*$')
mport=$(metrics_port)
[[ -n "$port" && -n "$mport" ]] || { echo "the server did not start:" >&2; cat "$out/server.log" >&2; exit 1; }
server_java=$(pgrep -P "$server_pid" java || echo "$server_pid")

per_miner=$(awk -v r="$rate" -v m="$miners" 'BEGIN {printf "%.6g", r / m}')
"$launcher" loadgen --target "127.0.0.1:$port" --transport "$transport" --miners "$miners" --connect-rate 2000 \
  --solve-rate "$per_miner" --duration "$((warmup + window + 2))s" --allow-shortfall --out "$out/run" \
  >"$out/loadgen.log" 2>&1 &
loadgen_pid=$!
sleep "$warmup"
loadgen_java=$(pgrep -P "$loadgen_pid" java || echo "$loadgen_pid")

s0=$(submits "$mport"); g0=$(cpu_ticks "$loadgen_java"); v0=$(cpu_ticks "$server_java")
events=raw_syscalls:sys_enter
if [[ ${BREAKDOWN:-0} == 1 ]]; then
  for call in sendto recvfrom write read epoll_wait epoll_pwait2 futex io_uring_enter; do
    events+=",syscalls:sys_enter_$call"
  done
fi
perf_ok=0
if perf stat -e "$events" -x, -o "$out/perf-loadgen.csv" -p "$loadgen_java" -- sleep "$window" \
    2>/dev/null & p1=$!; perf stat -e "$events" -x, -o "$out/perf-server.csv" -p "$server_java" \
    -- sleep "$window" 2>/dev/null & p2=$!; wait $p1 && wait $p2; then
  perf_ok=1
fi
s1=$(submits "$mport"); g1=$(cpu_ticks "$loadgen_java"); v1=$(cpu_ticks "$server_java")
wait "$loadgen_pid" || true

n=$((s1 - s0))
report() { # side, ticks before, ticks after, perf file
  read -r u0 k0 <<<"$2"; read -r u1 k1 <<<"$3"
  local calls=""
  [[ $perf_ok == 1 ]] && calls=$(awk -F, '/raw_syscalls/ {print $1}' "$4")
  awk -v side="$1" -v t="$transport" -v n="$n" -v w="$window" -v hz="$hz" -v u=$((u1 - u0)) -v k=$((k1 - k0)) \
    -v calls="$calls" 'BEGIN {
      printf "%-8s transport=%-8s submits/s=%.0f  cpu/10k=%.3f s (user %.3f, sys %.3f)  cores=%.2f", side, t,
        n / w, (u + k) / hz / n * 1e4, u / hz / n * 1e4, k / hz / n * 1e4, (u + k) / hz / w
      if (calls != "") printf "  syscalls/submit=%.2f", calls / n
      printf "\n" }'
}
breakdown() { # side, perf file
  [[ ${BREAKDOWN:-0} == 1 && $perf_ok == 1 ]] || return 0
  awk -F, -v side="$1" -v n="$n" '/syscalls:sys_enter_/ && $1 + 0 > 0 {
      sub(/.*sys_enter_/, "", $3); line = line sprintf(" %s %.2f", $3, $1 / n) }
    END { print "  " side " calls per submit:" line }' "$2"
}
report loadgen "$g0" "$g1" "$out/perf-loadgen.csv"
report server "$v0" "$v1" "$out/perf-server.csv"
breakdown loadgen "$out/perf-loadgen.csv"
breakdown server "$out/perf-server.csv"
grep -E '^submit |^lag ' "$out/loadgen.log" | sed 's/^/  /'
echo "  (run folder: $out/run; load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
