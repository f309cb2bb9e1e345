#!/usr/bin/env bash
# The whole benchmark at one size (docs/benchmarks.md): builds the platform and the bench, starts the platform with
# the launcher on a fresh data folder (infra/bench/target/run-<size>), loads the synthetic district, runs every
# measure beside its raw baseline, and writes bench/results/<date>-<size>.{json,svg} and the table in docs/benchmarks.md.
# HTTP load is Gatling's, run inside the bench JVM; its HTML reports land in infra/bench/target/run-<size>/gatling/.
#
#   infra/bench/run.sh S            # S, M or L; optional: seed, runs per figure (default 20261124, 3)
#   infra/bench/run.sh M 42 5
#   infra/bench/run.sh M 20261124 3 vision   # measure once vision's read models caught up (others still projecting)
#   BENCH_SKIP_BUILD=1 infra/bench/run.sh S   # reuse the jars already built
set -euo pipefail
cd "$(dirname "$0")/../.."
size="${1:-S}"
seed="${2:-20261124}"
runs="${3:-3}"
await="${4:-all}"
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  echo "Building the platform and the bench (skipping tests)..."
  ./mvnw -q -DskipTests package -pl infra/launcher,infra/bench,gateway,vision-service/vision-app,pilot-service/pilot-app,pd-service/pd-app,partnership-service/partnership-app -am
fi
echo "uptime before the run: $(uptime)"
# --add-opens: Gatling's log writer reads String internals (its Maven plugin passes the same)
exec java -Xmx2g --add-opens java.base/java.lang=ALL-UNNAMED -Ddop.home="$PWD" -jar infra/bench/target/bench.jar \
  "$size" "$seed" "$runs" "$await"
