#!/usr/bin/env bash
# HTTP benchmark of the DynamoDB endpoint of the silo against a bare Kestrel "ceiling", measured
# in the same run, at the same concurrency, for GetItem, PutItem and a 50/50 mix of the two; then,
# against the silo alone, UpdateItem with a condition, a 10-item TransactWriteItems and a Query
# that returns a full 1 MB page.
#
#   bench/run-http.sh [--quick] [--concurrency N] [--duration S] [--json FILE] [--indexes | --pitr | --global]
#
#   --quick          3 s runs after 1 s of warm-up (default: 10 s after 2 s)
#   --concurrency N  concurrent clients, the same against both servers (default 50)
#   --duration S     measured seconds per run (overrides --quick's 3)
#   --json FILE      where to append one JSON line per run (default bench/results/http-DATE.jsonl,
#                    indexes-DATE.jsonl with --indexes, pitr-DATE.jsonl with --pitr, global-DATE.jsonl with --global)
#   --indexes        instead: what a stream and two global secondary indexes cost. PutItem and
#                    UpdateItem against the silo, alternating between table bench (plain) and
#                    bench-idx (stream + 2 GSIs), same items; during the bench-idx runs a probe puts an
#                    item every 100 ms and polls Query on the index until it shows up (the GSI lag)
#   --pitr           instead: what point-in-time recovery costs. PutItem and UpdateItem against the
#                    silo, alternating between table bench (plain) and bench-pitr (recovery enabled
#                    after its items are put), same items
#   --global         instead: what a replica in another region costs (global tables). Starts a second silo
#                    as region "peer" (127.0.0.1:8200); PutItem and UpdateItem against the first,
#                    alternating between table bench (plain) and bench-global (a replica in "peer", added
#                    after its items are put), same items; during the bench-global runs a probe puts an
#                    item every 100 ms and polls GetItem in "peer" until it shows up (the replication lag)
#
# Builds the generator, the ceiling and the silo in Release; starts the ceiling on 127.0.0.1:8100
# and the silo on 127.0.0.1:8000 (Orleans ports 11411 and 30400, RocksDB in a fresh temporary
# directory); primes both with a few seconds of unrecorded load; runs the generator against each
# for get, put and mixed, and the silo for update, transact10 and query1mb; prints markdown tables. Everything it starts is stopped, and the
# temporary directory removed, when it exits, however it exits.
set -euo pipefail

start_dir=$PWD
cd "$(dirname "$0")/.."
repo=$PWD
. "$repo/bench/lib.sh"

concurrency=50
duration=""
warmup=2
quick=0
indexes=0
pitr=0
global=0
json=""
items=10000
item_size=1024
ceiling_url=http://127.0.0.1:8100
silo_url=http://127.0.0.1:8000
silo_port=11411
gateway_port=30400
peer_url=http://127.0.0.1:8200
peer_silo_port=11412
peer_gateway_port=30401
command_line="bench/run-http.sh${*:+ $*}"

usage() { sed -n '2,/^# Builds/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=1; shift ;;
        --indexes) indexes=1; shift ;;
        --pitr) pitr=1; shift ;;
        --global) global=1; shift ;;
        --concurrency) whole "$1" "${2:-}"; concurrency=$2; shift 2 ;;
        --duration) whole "$1" "${2:-}"; duration=$2; shift 2 ;;
        --json) [[ -n ${2:-} ]] || { echo "--json needs a file" >&2; exit 2; }
                json=$2; [[ $json == /* ]] || json="$start_dir/$json"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
if ((quick)); then warmup=1; duration=${duration:-3}; else duration=${duration:-10}; fi
if ((indexes + pitr + global > 1)); then echo "--indexes, --pitr and --global are separate runs" >&2; exit 2; fi
if [[ -z $json ]]; then json="$repo/bench/results/$( ((indexes)) && echo indexes || { ((pitr)) && echo pitr || { ((global)) && echo global || echo http; }; })-$(date +%F).jsonl"; fi
mkdir -p "$(dirname "$json")"
run_id=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# --- everything started below is stopped by cleanup -------------------------------------------
work=$(mktemp -d -t datatier-bench.XXXXXX)
bench_traps

# --- build ---------------------------------------------------------------------------------------
echo "building the generator, the ceiling and the silo (Release)..."
build_release "$work/build.log" bench/DataTier.Bench.Http bench/DataTier.Bench.Ceiling silo/DataTier.Silo.csproj
generator=bench/DataTier.Bench.Http/bin/Release/net10.0/DataTier.Bench.Http.dll
ceiling=bench/DataTier.Bench.Ceiling/bin/Release/net10.0/DataTier.Bench.Ceiling.dll
silo=silo/bin/Release/net10.0/DataTier.Silo.dll
for dll in "$generator" "$ceiling" "$silo"; do [[ -f $dll ]] || { echo "$dll not found after the build" >&2; exit 1; }; done

ports_free 8000 8100 "$silo_port" "$gateway_port"
regions=()
if ((global)); then
    ports_free 8200 "$peer_silo_port" "$peer_gateway_port"
    regions=(--GlobalTables:Region=bench --GlobalTables:Regions:peer="$peer_url")
fi

# --- start both servers --------------------------------------------------------------------------
echo "starting the ceiling on $ceiling_url..."
dotnet "$ceiling" --urls "$ceiling_url" >"$work/ceiling.log" 2>&1 &
ceiling_pid=$!; pids+=("$ceiling_pid")
wait_until ceiling "$ceiling_pid" "$work/ceiling.log" 60 answers_200 "$ceiling_url"
loopback_only ceiling "$ceiling_pid"

store=$(mktemp -d -p "$work" store.XXXXXX)
echo "starting the silo on $silo_url (RocksDB in $store)..."
dotnet "$silo" --Endpoints:DynamoDb:Url="$silo_url" --Orleans:SiloPort="$silo_port" --Orleans:GatewayPort="$gateway_port" \
    --Store:RocksDb:Path="$store" "${regions[@]}" >"$work/silo.log" 2>&1 &
silo_pid=$!; pids+=("$silo_pid")
wait_until silo "$silo_pid" "$work/silo.log" 180 answers_200 "$silo_url"
grep -m1 '^DataTier silo started\.' "$work/silo.log" | sed 's/^/  /' || true
loopback_only silo "$silo_pid"
if ((global)); then
    peer_store=$(mktemp -d -p "$work" peer.XXXXXX)
    echo "starting the peer region's silo on $peer_url (RocksDB in $peer_store)..."
    dotnet "$silo" --Endpoints:DynamoDb:Url="$peer_url" --Orleans:SiloPort="$peer_silo_port" --Orleans:GatewayPort="$peer_gateway_port" \
        --Endpoints:Admin:Url=http://127.0.0.1:8280 --Endpoints:Resp:Port=6479 --Endpoints:Memcached:Port=11311 \
        --Store:RocksDb:Path="$peer_store" --GlobalTables:Region=peer --GlobalTables:Regions:bench="$silo_url" >"$work/peer.log" 2>&1 &
    peer_pid=$!; pids+=("$peer_pid")
    wait_until peer "$peer_pid" "$work/peer.log" 180 answers_200 "$peer_url"
    loopback_only peer "$peer_pid"
fi

# --- measure -------------------------------------------------------------------------------------
failed=0
# run LABEL URL MIX [generator options]: one measured run; its result line goes to results.txt
run() {
    local label=$1 url=$2 mix=$3 rc=0
    shift 3
    : >"$work/run.json"
    in_background dotnet "$generator" --url "$url" --label "$label" --mix "$mix" --concurrency "$concurrency" \
        --duration "$duration" --warmup "$warmup" --items "$items" --item-size "$item_size" \
        --json "$work/run.json" "$@" >"$work/run.out" 2>"$work/run.err" || rc=$?
    cat "$work/run.out"
    if [[ -s $work/run.err ]]; then sed "s/^/  [$label $mix] /" "$work/run.err" | tee -a "$work/notes.txt" >&2; fi
    if ((rc != 0)); then
        echo "  [$label $mix] the generator exited with $rc" | tee -a "$work/notes.txt" >&2
        failed=1
        return 0
    fi
    grep '^label=' "$work/run.out" >>"$work/results.txt" || true
    # One JSON line per run, tagged with this run of the script.
    sed "s/^{/{\"run\":\"$run_id\",\"warmup\":$warmup,/" "$work/run.json" >>"$json"
}

# prime LABEL URL [generator options]: an unrecorded mixed run that warms a freshly started server
# (JIT tiering, grain activations, connection pools). Without it the first measured run against
# the silo came out at less than half of the later ones.
prime() {
    local label=$1 url=$2 rc=0
    shift 2
    in_background dotnet "$generator" --url "$url" --label "$label-prime" --mix mixed --concurrency "$concurrency" \
        --duration "$prime_seconds" --warmup 0 --items "$items" --item-size "$item_size" "$@" >"$work/run.out" 2>"$work/run.err" || rc=$?
    sed 's/^/  /' "$work/run.out"
    if ((rc != 0)); then cat "$work/run.err" >&2; echo "priming $label failed" >&2; exit 1; fi
}

prime_seconds=$((quick ? 3 : 5))
if ((indexes || pitr || global)); then
    if ((indexes)); then variant_table=bench-idx variant_flags=(--indexes --lag-probe) variant_name="stream+2 GSIs"
    elif ((pitr)); then variant_table=bench-pitr variant_flags=(--pitr) variant_name="point-in-time recovery"
    else variant_table=bench-global variant_flags=(--replica "peer=$peer_url" --lag-probe) variant_name="replica in another region"
    fi
    echo "priming the silo (${prime_seconds} s of mixed load on each table, not recorded; creates tables bench and $variant_table and puts all $items keys in each first)..."
    prime silo "$silo_url" --create-table
    prime silo-variant "$silo_url" --create-table --table "$variant_table" "${variant_flags[@]:0:$((global ? 2 : 1))}"
    echo "measuring: concurrency $concurrency, ${duration} s per run after ${warmup} s of warm-up, $items items of $item_size bytes"
    : >"$work/results.txt"
    : >"$work/lag.txt"
    first=plain
    for mix in put update; do
        for table in $first $([[ $first == plain ]] && echo indexed || echo plain); do
            sleep 1
            if [[ $table == plain ]]; then run plain "$silo_url" "$mix"
            else run indexed "$silo_url" "$mix" --table "$variant_table" "${variant_flags[@]}"; grep '^lag ' "$work/run.out" >>"$work/lag.txt" || true
            fi
        done
        first=$([[ $first == plain ]] && echo indexed || echo plain)
    done
    echo
    echo "$command_line  ($(date -u '+%F %H:%M UTC'), $(nproc) cores, conc=$concurrency, ${duration} s runs after ${warmup} s warm-up)"
    echo
    awk -v variant="$variant_name" '
        function field(name,   i, kv) {
            for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) { sub(/ms$/, "", kv[2]); return kv[2] } }
            return ""
        }
        { key = field("label") SUBSEP field("op"); ops[key] = field("ops/s"); p50[key] = field("p50"); p99[key] = field("p99"); errs[key] = field("errors"); seen[key] = 1 }
        function val(a, key) { return (key in seen) ? a[key] : "-" }
        function extra(a, op) { return (("plain" SUBSEP op) in seen && ("indexed" SUBSEP op) in seen) ? sprintf("%+.2f", a["indexed" SUBSEP op] - a["plain" SUBSEP op]) : "-" }
        END {
            printf "| workload | plain ops/s | %s ops/s | ratio | plain p50 ms | %s p50 ms | extra p50 ms | plain p99 ms | %s p99 ms | extra p99 ms | errors (plain/%s) |\n", variant, variant, variant, variant
            print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
            n = split("put update", mixes, " ")
            for (m = 1; m <= n; m++) {
                p = "plain" SUBSEP mixes[m]; i = "indexed" SUBSEP mixes[m]
                ratio = ((p in seen) && (i in seen) && ops[p] > 0) ? sprintf("%.2f", ops[i] / ops[p]) : "-"
                printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s/%s |\n", mixes[m], val(ops, p), val(ops, i), ratio, val(p50, p), val(p50, i), extra(p50, mixes[m]),
                    val(p99, p), val(p99, i), extra(p99, mixes[m]), val(errs, p), val(errs, i)
            }
        }
    ' "$work/results.txt"
    if ((indexes || global)); then
        echo
        if ((indexes)); then echo "GSI lag under that load (index byG1 of bench-idx; a probe put every 100 ms, Query polled every ms until it sees it):"
        else echo "Replication lag under that load (bench-global's replica in region peer; a probe put every 100 ms, GetItem polled there every ms until it sees it):"
        fi
        echo
        echo "| during | probes | mean ms | p50 ms | p99 ms | max ms | not seen within 10 s |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
        awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); sub(/ms$/, "", kv[2]); v[kv[1]] = kv[2] }
               printf "| %s | %s | %s | %s | %s | %s | %s |\n", v["mix"], v["samples"], v["mean"], v["p50"], v["p99"], v["max"], v["misses"] }' "$work/lag.txt"
    fi
    echo
    echo "JSON lines appended to ${json#"$repo/"} (run $run_id)"
    if [[ -s $work/notes.txt ]]; then echo; echo "generator messages:"; cat "$work/notes.txt"; fi
    if grep -qv ' errors=0$' "$work/results.txt"; then echo "some runs had errors; their figures are not comparable with runs without" >&2; failed=1; fi
    exit "$failed"
fi
echo "priming both servers (${prime_seconds} s of mixed load each, not recorded; the silo's creates table bench and puts all $items keys first)..."
# --create-table: creates table `bench` and puts every key once before the load starts, so gets hit.
prime silo "$silo_url" --create-table
prime ceiling "$ceiling_url"

echo "measuring: concurrency $concurrency, ${duration} s per run after ${warmup} s of warm-up, $items items of $item_size bytes"
: >"$work/results.txt"
# Which server goes first alternates from one workload to the next, so neither is always the later;
# a second of rest before each run lets the previous server's background work (GC, RocksDB) settle.
first=silo
for mix in get put mixed; do
    if [[ $first == silo ]]; then
        sleep 1; run silo "$silo_url" "$mix"
        sleep 1; run ceiling "$ceiling_url" "$mix"
        first=ceiling
    else
        sleep 1; run ceiling "$ceiling_url" "$mix"
        sleep 1; run silo "$silo_url" "$mix"
        first=silo
    fi
done

# Workloads the constant-body ceiling cannot stand in for: measured against the silo only.
for mix in update transact10 query1mb; do
    sleep 1; run silo "$silo_url" "$mix"
done

# --- report --------------------------------------------------------------------------------------
echo
echo "$command_line  ($(date -u '+%F %H:%M UTC'), $(nproc) cores, conc=$concurrency, ${duration} s runs after ${warmup} s warm-up)"
echo
awk '
    function field(name,   i, kv) {
        for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) { sub(/ms$/, "", kv[2]); return kv[2] } }
        return ""
    }
    {
        key = field("label") SUBSEP field("op")
        ops[key] = field("ops/s"); p50[key] = field("p50"); p99[key] = field("p99"); p999[key] = field("p99.9"); errs[key] = field("errors")
        seen[key] = 1
    }
    function val(a, key) { return (key in seen) ? a[key] : "-" }
    END {
        print "| workload | ceiling ops/s | silo ops/s | silo/ceiling | silo p50 ms | silo p99 ms | silo p99.9 ms | silo errors |"
        print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        n = split("get put mixed", mixes, " ")
        for (m = 1; m <= n; m++) {
            c = "ceiling" SUBSEP mixes[m]; s = "silo" SUBSEP mixes[m]
            ratio = ((c in seen) && (s in seen) && ops[c] > 0) ? sprintf("%.2f", ops[s] / ops[c]) : "-"
            printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", mixes[m], val(ops, c), val(ops, s), ratio,
                val(p50, s), val(p99, s), val(p999, s), val(errs, s)
            if ((c in seen) && errs[c] > 0) ceiling_errors = ceiling_errors " " mixes[m] "=" errs[c]
        }
        if (ceiling_errors != "") print "\nceiling errors:" ceiling_errors
        print ""
        print "| silo-only workload | silo ops/s | silo p50 ms | silo p99 ms | silo p99.9 ms | silo errors |"
        print "| --- | ---: | ---: | ---: | ---: | ---: |"
        n = split("update transact10 query1mb", mixes, " ")
        for (m = 1; m <= n; m++) {
            s = "silo" SUBSEP mixes[m]
            printf "| %s | %s | %s | %s | %s | %s |\n", mixes[m], val(ops, s), val(p50, s), val(p99, s), val(p999, s), val(errs, s)
        }
    }
' "$work/results.txt"
echo
echo "JSON lines appended to ${json#"$repo/"} (run $run_id)"

if [[ -s $work/notes.txt ]]; then
    echo
    echo "generator messages:"
    cat "$work/notes.txt"
fi
if grep -qv ' errors=0$' "$work/results.txt"; then
    echo "some runs had errors; their figures are not comparable with runs without" >&2
    failed=1
fi
exit "$failed"
