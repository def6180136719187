#!/usr/bin/env bash
# The scale-out benchmark: stateless silo processes sharing dynalite (deploy/local/cluster.sh),
# measured in one run on loopback.
#
#   bench/run-scale.sh [--duration S] [--concurrency N] [--items N] [--join-load S]
#
#   --duration S     measured seconds per throughput run (default 10)
#   --concurrency N  concurrent HTTP clients in all, split evenly over the silos (default 32)
#   --items N        YCSB records of 1000 bytes (default 2000)
#   --join-load S    seconds of load around each join, for the latency of requests meeting moves (default 20)
#
# 1. Throughput of YCSB B (95% GetItem, 5% UpdateItem, uniform keys) over the DynamoDB endpoints
#    of 1, then 2, then 3 silos (one generator per silo).
# 2. For the joins of silo 2 and 3: the time from starting the silo to a settled placement (every
#    silo answers GET /admin/partitions, the new one hosts partitions, no move in progress), and
#    the moves' own durations as the silos recorded them.
# 3. The latency of requests during each join (YCSB B against silo 1 while partitions move) against
#    the same load with no membership change just before it.
# Writes bench/results/scale-DATE-TIME.md with the machine's description and appends JSON lines to
# bench/results/scale-DATE.jsonl. Everything it starts is stopped however it exits.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
source "$repo/bench/lib.sh" # machine()

duration=10 concurrency=32 items=2000 join_load=20
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }
while (($#)); do
    case $1 in
        --duration) duration=${2:?}; shift 2 ;;
        --concurrency) concurrency=${2:?}; shift 2 ;;
        --items) items=${2:?}; shift 2 ;;
        --join-load) join_load=${2:?}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
for v in "$duration" "$concurrency" "$items" "$join_load"; do [[ $v =~ ^[0-9]+$ && $v -ge 1 ]] || { echo "expected a whole number >= 1, not '$v'" >&2; exit 2; }; done
command -v jq >/dev/null || { echo "jq is needed (apt-get install jq)" >&2; exit 1; }

work=$(mktemp -d -t datatier-scale.XXXXXX)
export CONFIGURATION=Release CLUSTER_RUN_DIR=$work/cluster DYNALITE_PORT=18400
export SILO_ARGS="--Partitions:InitialPartitionsPerTable=32 --Rebalancing:JoinSettleTime=00:00:01 --Rebalancing:CheckInterval=00:00:01"
cluster() { deploy/local/cluster.sh "$@"; }
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    cluster clean >/dev/null 2>&1 || true
    wait 2>/dev/null || true
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for port in 8001 8002 8003 8081 8082 8083 6380 6381 6382 11212 11213 11214 11112 11113 11114 30001 30002 30003 "$DYNALITE_PORT"; do
    [[ -z $(ss -Hltn "sport = :$port") ]] || { echo "port $port is in use (a cluster.sh cluster?); stop it first" >&2; exit 1; }
done

echo "building the silo and the load generator (Release)..."
dotnet build -c Release bench/Bench.slnf --nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
generator=bench/DataTier.Bench.Http/bin/Release/net10.0/DataTier.Bench.Http.dll

url() { echo "http://127.0.0.1:$((8000 + $1))"; }
admin() { echo "http://127.0.0.1:$((8080 + $1))"; }
now_ms() { date +%s%3N; }
results=bench/results
mkdir -p "$results"
json=$results/scale-$(date -u +%F).jsonl
report=$results/scale-$(date -u +%F-%H%M%S).md
run_id=$(date -u +%Y-%m-%dT%H:%M:%SZ)
lines=()

# generate LABEL SILO CONCURRENCY SECONDS: one YCSB B run against a silo; its JSON line lands in $work/LABEL.json
generate() {
    dotnet "$generator" --url "$(url "$2")" --label "$1" --mix ycsb-b --distribution uniform --items "$items" --item-size 1000 \
        --concurrency "$3" --duration "$4" --warmup 1 --json "$work/$1.json" >"$work/$1.out" 2>"$work/$1.err" \
        || { cat "$work/$1.err" >&2; echo "the generator failed ($1)" >&2; exit 1; }
    sed "s/^{/{\"run\":\"$run_id\",/" "$work/$1.json" >>"$json"
}
field() { jq -r ".$2" "$work/$1.json"; }

# throughput N: YCSB B over N silos at once, one generator per silo with an equal share of the clients
throughput() {
    local n=$1 share=$((concurrency / $1)) i total=0 p99=0
    for ((i = 1; i <= n; i++)); do generate "tp$n-$i" "$i" "$share" "$duration" & done
    wait
    for ((i = 1; i <= n; i++)); do
        total=$(jq -n "$total + $(field "tp$n-$i" opsPerSecond)")
        p99=$(jq -n "[$p99, $(field "tp$n-$i" p99Ms)] | max")
    done
    lines+=("| YCSB B throughput, $n silo(s), $concurrency clients | $(printf %.0f "$total") ops/s (p99 of the slowest generator $p99 ms) |")
    echo "  $n silo(s): $(printf %.0f "$total") ops/s, p99 up to $p99 ms"
}

# settled N: prints the admin view once N silos answer, silo N hosts partitions and no move is pending
settled() {
    local n=$1 view deadline=$((SECONDS + 120))
    while ((SECONDS < deadline)); do
        view=$(curl -s --max-time 5 "$(admin 1)/admin/partitions?recent=256" || true)
        if [[ -n $view ]] && jq -e --argjson n "$n" '
            (.silos | length) == $n and all(.silos[]; .reachable) and (.moves.inProgress | length) == 0
            and ([.silos[] | select(.partitions > 0)] | length) == $n' <<<"$view" >/dev/null; then
            echo "$view"
            return 0
        fi
        sleep 0.1
    done
    echo "placement did not settle on $n silos: $view" >&2
    return 1
}

# join N: starts silo N under load against silo 1; settle time, move durations, latency during the join
join() {
    local n=$1 start ready view settle
    generate "steady$n" 1 "$concurrency" "$join_load"
    generate "join$n" 1 "$concurrency" "$join_load" &
    local load=$!
    sleep 2
    start=$(now_ms)
    cluster start "$n" >/dev/null
    ready=$(($(now_ms) - start))
    view=$(settled "$n")
    settle=$(($(now_ms) - start))
    wait "$load"
    local moves median max
    moves=$(jq --arg to "$(jq -r '.silos[-1].silo' <<<"$view")" '[.moves.recent[] | select(.kind == "partition" and .cause == "rebalance")]' <<<"$view")
    median=$(jq '[.[].durationMs] | sort | if length == 0 then 0 else .[length / 2 | floor] end | floor' <<<"$moves")
    max=$(jq '[.[].durationMs] | max // 0 | floor' <<<"$moves")
    lines+=("| Join of silo $n: start to settled placement | $settle ms, of which $ready ms until the process was ready ($(jq length <<<"$moves") partition moves so far, median $median ms, longest $max ms each) |")
    lines+=("| Requests during the join of silo $n vs steady (YCSB B on silo 1, $concurrency clients) | p50 $(field "join$n" p50Ms) vs $(field "steady$n" p50Ms) ms, p99 $(field "join$n" p99Ms) vs $(field "steady$n" p99Ms) ms, p99.9 $(field "join$n" p999Ms) vs $(field "steady$n" p999Ms) ms, errors $(field "join$n" errors) |")
    echo "  silo $n: ready after $ready ms, settled $settle ms after its start; p99 during the join $(field "join$n" p99Ms) ms vs steady $(field "steady$n" p99Ms) ms"
}

echo "starting dynalite and silo 1..."
cluster up 1 >/dev/null
echo "loading $items YCSB records..."
dotnet "$generator" --url "$(url 1)" --label load --mix ycsb-b --create-table --load-only --items "$items" --item-size 1000 >"$work/load.out" 2>&1 \
    || { cat "$work/load.out" >&2; exit 1; }
generate prime 1 "$concurrency" 3
echo "measuring..."
throughput 1
join 2
throughput 2
join 3
throughput 3

machine_line=$(machine)
{
    echo "# Scale-out benchmark, $run_id"
    echo
    echo "- Machine: $machine_line"
    echo "- Silos: Release build, stateless, store and membership in dynalite 4.0.0 (deploy/local/cluster.sh), all on this machine"
    echo "- Load: bench/DataTier.Bench.Http YCSB B (uniform, $items records of 1000 bytes), ${duration} s runs after 1 s of warm-up; 32 partitions per table"
    echo
    echo "| Measure | Result |"
    echo "|---|---|"
    printf '%s\n' "${lines[@]}"
} >"$report"
cat "$report"
echo "written to $report"
