#!/usr/bin/env bash
# Runs the browser tests (app/e2e) N times against the current static build
# and says how many runs failed and which tests failed, how often. A test
# that fails in any run is broken: see README, "When a browser test fails".
set -uo pipefail
n=${1:-10}
cd "$(dirname "$0")/.."
logs=$(mktemp -d)
failed_runs=0
for i in $(seq 1 "$n"); do
	start=$(date +%s)
	if go test -count=1 -timeout 30m ./app/e2e/ >"$logs/run-$i.log" 2>&1; then
		echo "run $i/$n: ok ($(( $(date +%s) - start )) s)"
	else
		failed_runs=$((failed_runs + 1))
		echo "run $i/$n: FAILED ($(( $(date +%s) - start )) s): $(grep -o -- '--- FAIL: [^ ]*' "$logs/run-$i.log" | sed 's/--- FAIL: //' | sort -u | tr '\n' ' ')"
	fi
done
echo
echo "$failed_runs of $n runs failed."
if [ "$failed_runs" -gt 0 ]; then
	echo "Failed tests (runs):"
	cat "$logs"/run-*.log | grep -o -- '--- FAIL: [^ ]*' | sed 's/--- FAIL: //' | sort | uniq -c | sort -rn
	echo "Logs: $logs"
	exit 1
fi
rm -rf "$logs"
