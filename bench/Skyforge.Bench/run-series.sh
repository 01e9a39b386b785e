#!/bin/sh
# Runs the series recorded in docs/benchmarks.md one after another and saves each run's output (progress and
# table) to RESULTS_DIR/<run>.txt. Usage: bench/Skyforge.Bench/run-series.sh [RESULTS_DIR]   (default /tmp/skyforge-bench-results)
# Takes about 45 minutes; run nothing else on the machine meanwhile.
set -eu
cd "$(dirname "$0")/../.."
results=${1:-/tmp/skyforge-bench-results}
artifacts=${ARTIFACTS:-/tmp/art-bench}
mkdir -p "$results"
dotnet build bench/Skyforge.Bench -c Release --artifacts-path "$artifacts" >/dev/null
bench() {
    name=$1
    shift
    echo "== $name: $*"
    if dotnet run -c Release --no-build --artifacts-path "$artifacts" --project bench/Skyforge.Bench -- "$@" >"$results/$name.txt" 2>&1; then
        grep -E '^\| (Time to all-Ready|Operator RSS, peak) ' "$results/$name.txt" | cut -d'|' -f2-3
    else
        echo "   exit code $?: see $results/$name.txt"
    fi
}
# The operator's client-side rate limits raised well above the defaults (50 Kubernetes requests/s, 20 AWS requests/s
# per service), to measure the operator rather than its own throttles.
fast="--operator-arg --kube-api-qps --operator-arg 2000 --operator-arg --kube-api-burst --operator-arg 4000"
fast="$fast --operator-arg --aws-api-qps --operator-arg 1000 --operator-arg --aws-api-burst --operator-arg 2000"
bench n10-moto --databases 10 --caches 10 --buses 10 --apps 10 --backend moto
bench n10-stub --databases 10 --caches 10 --buses 10 --apps 10 --backend stub
bench n100-moto --databases 100 --caches 100 --buses 100 --apps 100 --backend moto
# shellcheck disable=SC2086
bench n100-stub-fast --databases 100 --caches 100 --buses 100 --apps 100 --backend stub $fast
bench goal-1000db-200apps-stub --databases 1000 --apps 200 --backend stub --drift-seconds 600
# shellcheck disable=SC2086
bench goal-1000db-200apps-stub-fast --databases 1000 --apps 200 --backend stub --drift-seconds 600 $fast
# shellcheck disable=SC2086
bench n1000-each-stub-fast --databases 1000 --caches 1000 --buses 1000 --apps 1000 --backend stub $fast
# shellcheck disable=SC2086
bench n5000-databases-stub-fast --databases 5000 --backend stub $fast
