#!/bin/sh
# Runs every attack scenario (scenarios/attack-*.yaml) one after another and publishes each under results/, then
# regenerates the table of results/attacks/README.md. About 15 minutes; run it on an otherwise idle machine, since
# the generator, its attackers and the simulator share its cores. Extra arguments go to every run (e.g.
# --set target.embedded.pow=octopus). Aim attacks only at endpoints you own or are allowed to test.
set -u
cd "$(dirname "$0")/.."
failed=0
for scenario in scenarios/attack-*.yaml; do
    ./stratumlab run "$scenario" --publish "$@"
    code=$?
    if [ "$code" -ne 0 ]; then
        echo "attacks.sh: $scenario exited $code" >&2
        failed=$((failed + 1))
    fi
done
./stratumlab report attacks results
echo "attacks.sh: $failed of $(ls scenarios/attack-*.yaml | wc -l) scenarios did not pass"
