#!/bin/sh
# Runs the series recorded in docs/benchmarks.md one after another and saves each run's output (progress and
# table) to RESULTS_DIR/<run>.txt. Usage: bench/Skyforge.Bench/run-series.sh [RESULTS_DIR]   (default /tmp/skyforge-bench-results)
# Takes about an hour; run nothing else on the machine meanwhile.
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
for n in 10 100; do
    bench "n$n-moto" --databases "$n" --caches "$n" --buses "$n" --apps "$n" --backend moto
    bench "n$n-stub" --databases "$n" --caches "$n" --buses "$n" --apps "$n" --backend stub
done
bench n1000-data-stub --databases 1000 --caches 1000 --buses 1000 --backend stub
bench goal-1000db-200apps-stub --databases 1000 --apps 200 --backend stub --drift-seconds 600
bench n5000-databases-stub --databases 5000 --backend stub
