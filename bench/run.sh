#!/usr/bin/env bash
# One command from a fresh clone to the benchmark's figures, each page beside its floor:
#   bench/run.sh            build, start on an empty data dir with the demo, generate 5,000,000
#                           entries, restart with the settings below, run the benchmarks, stop
#   bench/run.sh --reuse    skip the generation when bench/data already holds the generated province
# Results go to bench/results/<date>-<n>/ (JMH's JSON and text, the load average, the machine) and
# the summary table (docs/benchmarks.md's format) is printed. Needs a JDK 17+ and psql (postgresql-client).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
data="$root/bench/data"
pgport=${ZHUTUI_BENCH_PGPORT:-55432}
port=${ZHUTUI_BENCH_PORT:-8099}
url="http://localhost:$port"
jdbc="jdbc:postgresql://localhost:$pgport/postgres?user=postgres"
reuse=false
[[ "${1:-}" == "--reuse" ]] && reuse=true

command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)"; exit 2; }

echo "== building the app and the benchmarks"
./mvnw -B -q -DskipTests package
./mvnw -B -q -f bench/pom.xml -DskipTests package
jar=$(ls target/zhutui-*.jar | grep -v original | head -1)

app_pid=""
stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
trap stop_app EXIT

# PostgreSQL given memory for a province (the settings docs/benchmarks.md reports)
settings=(--zhutui.db.server-config.shared_buffers=4GB --zhutui.db.server-config.work_mem=64MB
          --zhutui.db.server-config.effective_cache_size=12GB --zhutui.db.server-config.max_parallel_workers_per_gather=2
          --zhutui.db.server-config.random_page_cost=1.1)

start_app() {
  local log="$1"; shift
  java -Xmx2g -jar "$jar" --zhutui.db.dir="$data" --zhutui.db.port="$pgport" --server.port="$port" "$@" > "$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do
    grep -q 'is running at' "$log" && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped: see $log"; exit 1; }
    sleep 1
  done
  echo "the app did not start in 10 minutes: see $log"; exit 1
}

mkdir -p bench/results
run_dir="bench/results/$(date -u +%Y-%m-%d)-$(git rev-parse --short HEAD)-$(date -u +%H%M)"
mkdir -p "$run_dir"

generated() {
  PGPORT=$pgport PGHOST=localhost PGUSER=postgres psql -X -Atc \
    "SELECT count(*) > 1000000 FROM ledger_entry" 2>/dev/null | grep -q t
}

if $reuse && [[ -d "$data" ]]; then
  echo "== reusing the province in $data"
else
  echo "== a fresh database with the demo data"
  rm -rf "$data"
  start_app "$run_dir/app-demo.log" --spring.profiles.active=demo
  echo "== generating the province (bench/generate.sql)"
  PGPORT=$pgport bench/generate.sh | tee "$run_dir/generate.txt" | grep -E -A2 'took|Elapsed' | grep -vE '^-*$'
  stop_app
fi

echo "== starting the app on the province"
start_app "$run_dir/app.log" "${settings[@]}"
generated || { echo "no generated data in $data"; exit 1; }

{
  echo "commit: $(git rev-parse HEAD)"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  lscpu | grep -E 'Model name|^CPU\(s\)|Thread|Core'
  free -g | head -2
  java -version 2>&1 | head -1
} > "$run_dir/machine.txt"

load() { echo "$1: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$run_dir/load.txt"; }
jmh() {
  local name="$1"; shift
  load "before $name"
  # the load average every 10 s while it runs
  ( while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)" >> "$run_dir/load-$name.txt"; sleep 10; done ) &
  local sampler=$!
  java -jar bench/target/benchmarks.jar "$@" -p url="$url" -p db="$jdbc" -rf json -rff "$run_dir/$name.json" | tee "$run_dir/$name.txt" | grep -E '^(Benchmark|Statistics[A-Za-z.]+ |Write[A-Za-z.]+ |Import[A-Za-z.]+ |Approval[A-Za-z.]+ )|Acknowledged|^Iteration|^Look-alike|Exception'
  kill $sampler
  load "after $name"
}

echo "== reads: each statistics page and its floor"
jmh reads 'StatisticsBenchmark|ApprovalBenchmark'
echo "== writes: 16 clients creating and submitting entries for 5 minutes"
jmh writes WriteBenchmark
echo "== imports: 50,000 rows through the page"
jmh import ImportBenchmark

stop_app
echo
java -cp bench/target/benchmarks.jar cn.zhutui.bench.Summary "$run_dir/reads.json" "$run_dir/writes.json" "$run_dir/import.json" "$run_dir/writes.txt" | tee "$run_dir/summary.md"
echo "Results in $run_dir"
