#!/usr/bin/env bash
# The side-by-side benchmark suite: the project and its peers, measured in the same run, on loopback.
#
#   bench/run.sh [--quick] [--micro] [--only SECTIONS] [--concurrency N] [--duration S]
#
#   --quick          short runs: about two minutes in all once the builds are up to date
#   --micro          run only the BenchmarkDotNet micro-benchmarks (bench/DataTier.Bench.Micro);
#                    with --quick, BenchmarkDotNet's short job, in process
#   --only SECTIONS  comma-separated subset of http,sdk,cache,memory (default: all four)
#   --concurrency N  concurrent clients of the HTTP and SDK workloads (default 50)
#   --duration S     measured seconds per HTTP and SDK run (default 10; 1.5 with --quick)
#   --port-offset N  add N to every port the suite listens on (default 0: see bench/README.md)
#   --latency-load F the fixed rate of the latency runs, as a fraction of the ceiling's ops/s (default 0.05)
#   --rounds N       measure each pair of the project and its reference N times, alternating which
#                    goes first, and report the medians (default 3; 1 with --quick): on a shared machine
#                    one 10-s run of the same server swings by a quarter from one minute to the next
#
# Sections (see bench/README.md):
#   http    YCSB A, B, C, E with uniform and zipfian keys over the DynamoDB endpoint: the silo
#           (RocksDB in a temporary directory) against dynalite 4.0.0 (LevelDB in a temporary
#           directory) and the Kestrel ceiling (a constant GetItem-sized body); then YCSB A, B, C
#           offered at a fixed rate to the silo and the ceiling, for latency below saturation
#   sdk     YCSB C, B (and A) through the grain client SDK against a call to an empty grain hosted by
#           the same silo
#   cache   redis-benchmark GET and SET with -c 50, -c 50 -P 16, -c 50 -r 100000 against the silo's
#           RESP endpoint and a redis-server (--save '' --appendonly no); memcaslap (90% get, 10% set,
#           100-byte values, 50 connections) against the silo's memcached endpoint and a memcached
#   memory  bytes per cached 100-byte item: INFO used_memory and the silo's RSS against redis-server
#
# Prints one markdown table (and the memory table), appends JSON lines to
# bench/results/suite-DATE.jsonl and writes bench/results/suite-DATE-TIME.md with the machine's
# description. Everything it starts is stopped, and its temporary directory removed, however it exits.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$PWD
bench=$repo/bench
. "$bench/lib.sh"

quick=0
micro=0
sections=http,sdk,cache,memory
concurrency=50
duration=""
port_offset=0
latency_load=0.05
rounds=""
command_line="bench/run.sh${*:+ $*}"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=1; shift ;;
        --micro) micro=1; shift ;;
        --only) [[ ${2:-} =~ ^(http|sdk|cache|memory)(,(http|sdk|cache|memory))*$ ]] || { echo "--only needs a list of http,sdk,cache,memory" >&2; exit 2; }
                sections=$2; shift 2 ;;
        --concurrency) whole "$1" "${2:-}"; concurrency=$2; shift 2 ;;
        --port-offset) whole "$1" "${2:-}"; port_offset=$2; shift 2 ;;
        --latency-load) [[ ${2:-} =~ ^0?\.[0-9]+$|^1(\.0*)?$ ]] || { echo "--latency-load needs a fraction between 0 and 1" >&2; exit 2; }
                        latency_load=$2; shift 2 ;;
        --rounds) whole "$1" "${2:-}"; ((${2} >= 1)) || { echo "--rounds needs at least 1" >&2; exit 2; }
                  rounds=$2; shift 2 ;;
        --duration) [[ ${2:-} =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "--duration needs a number of seconds" >&2; exit 2; }
                    duration=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
has() { [[ ,$sections, == *,$1,* ]]; }

if ((quick)); then
    duration=${duration:-1.5}; rounds=${rounds:-1}; warmup=0.5; prime_seconds=1.5; prime_a_seconds=6
    bench_n=40000; bench_n_pipelined=200000; memory_keys=100000; memcaslap_seconds=2
else
    duration=${duration:-10}; rounds=${rounds:-3}; warmup=2; prime_seconds=8; prime_a_seconds=32
    bench_n=300000; bench_n_pipelined=2000000; memory_keys=100000; memcaslap_seconds=10
fi
items=10000
item_size=1000

# Ports, all on 127.0.0.1, away from the defaults a developer's own silo or redis would use;
# --port-offset moves them all, for a machine where something else holds one.
silo_http_port=$((18000 + port_offset))
admin_port=$((18080 + port_offset))
silo_url=http://127.0.0.1:$silo_http_port
admin_url=http://127.0.0.1:$admin_port
resp_port=$((16379 + port_offset))
silo_port=$((11511 + port_offset))
gateway_port=$((30500 + port_offset))
ceiling_port=$((18100 + port_offset))
ceiling_url=http://127.0.0.1:$ceiling_port
dynalite_port=$((18200 + port_offset))
dynalite_url=http://127.0.0.1:$dynalite_port
redis_port=$((16380 + port_offset))
memcached_port=$((18211 + port_offset))
memcached_peer_port=$((18212 + port_offset))

results=$bench/results
mkdir -p "$results"
run_id=$(date -u +%Y-%m-%dT%H:%M:%SZ)
json=$results/suite-$(date -u +%F).jsonl
report=$results/suite-$(date -u +%F-%H%M%S).md

# --- everything started below is stopped by cleanup -------------------------------------------
work=$(mktemp -d -t datatier-suite.XXXXXX)
bench_traps

# --- micro-benchmarks ----------------------------------------------------------------------------
if ((micro)); then
    out=$results/micro-$(date -u +%F-%H%M%S).md
    echo "running the micro-benchmarks (BenchmarkDotNet, Release)..."
    # BenchmarkDotNet builds a copy of the project (and the silo it references) for each job; on a
    # busy machine that takes longer than its default two minutes. --quick runs the short job in process.
    job=(--buildTimeout 1200); ((quick)) && job=(--job short --inProcess)
    in_background dotnet run -c Release --project bench/DataTier.Bench.Micro -- --filter '*' "${job[@]}" --artifacts "$work/micro" \
        >"$work/micro.log" 2>&1 || { tail -n 60 "$work/micro.log" >&2; echo "the micro-benchmarks failed" >&2; exit 1; }
    {
        echo "# Micro-benchmarks, $(date -u '+%F %H:%M UTC')"
        echo
        echo "- Command line: \`$command_line\`"
        echo "- Machine: $(machine)"
        echo
        for f in "$work"/micro/results/*-report-github.md; do cat "$f"; echo; done
    } >"$out"
    cat "$out"
    echo "written to ${out#"$repo/"}"
    exit 0
fi

# --- tools and build -----------------------------------------------------------------------------
need curl "apt-get install curl"
need ss "apt-get install iproute2"
if has cache || has memory; then
    # The peers and their load tools, installed when missing as ./test.sh does (Debian's packages).
    missing=()
    { command -v redis-server && command -v redis-cli && command -v redis-benchmark; } >/dev/null 2>&1 || missing+=(redis-server redis-tools)
    if has cache; then
        command -v memcached >/dev/null 2>&1 || missing+=(memcached)
        command -v memcaslap >/dev/null 2>&1 || missing+=(libmemcached-tools)
    fi
    apt_install "${missing[@]}"
    need redis-server "apt-get install redis-server"
    need redis-benchmark "apt-get install redis-tools"
    need redis-cli "apt-get install redis-tools"
    if has cache; then
        need memcached "apt-get install memcached"
        need memcaslap "apt-get install libmemcached-tools"
    fi
fi
dynalite_cli=$repo/tests/peers/node_modules/dynalite/cli.js
if has http; then
    need node "apt-get install nodejs npm"
    if [[ ! -f $dynalite_cli ]]; then
        need npm "apt-get install nodejs npm"
        echo "installing dynalite 4.0.0 (npm ci in tests/peers)..."
        (cd tests/peers && npm ci --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1 || { cat "$work/npm.log" >&2; exit 1; }
    fi
fi

echo "building the silo and the bench tools (Release)..."
build_release "$work/build.log" bench/Bench.slnf
generator=bench/DataTier.Bench.Http/bin/Release/net10.0/DataTier.Bench.Http.dll
sdk_tool=bench/DataTier.Bench.Sdk/bin/Release/net10.0/DataTier.Bench.Sdk.dll
bench_grains=$repo/bench/DataTier.Bench.Sdk/bin/Release/net10.0/DataTier.Bench.Grains.dll
ceiling=bench/DataTier.Bench.Ceiling/bin/Release/net10.0/DataTier.Bench.Ceiling.dll
silo=silo/bin/Release/net10.0/DataTier.Silo.dll
for f in "$generator" "$sdk_tool" "$bench_grains" "$ceiling" "$silo"; do [[ -f $f ]] || { echo "$f not found after the build" >&2; exit 1; }; done

ports_free "$silo_http_port" "$admin_port" "$resp_port" "$memcached_port" "$silo_port" "$gateway_port" "$ceiling_port" "$dynalite_port" "$redis_port" "$memcached_peer_port"

# --- start what the sections need ----------------------------------------------------------------
redis_pong() { [[ $(redis-cli -h 127.0.0.1 -p "$1" PING 2>/dev/null) == PONG ]]; }
memcached_version() { # memcached_version PORT: the memcached text protocol answers "version"
    local reply
    reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'version\r\n' >&3 && timeout 2 head -c 8 <&3) 2>/dev/null || true)
    [[ $reply == "VERSION " ]]
}

echo "starting the silo (RocksDB in $work/silo-store), and the peers the sections need..."
dotnet "$silo" --Endpoints:DynamoDb:Url="$silo_url" --Endpoints:Admin:Url="$admin_url" --Endpoints:Resp:Port="$resp_port" \
    --Endpoints:Memcached:Port="$memcached_port" \
    --Orleans:SiloPort="$silo_port" --Orleans:GatewayPort="$gateway_port" --Store:RocksDb:Path="$work/silo-store" \
    --Bench:GrainAssembly="$bench_grains" >"$work/silo.log" 2>&1 &
silo_pid=$!; pids+=("$silo_pid")
if has http; then
    dotnet "$ceiling" --urls "$ceiling_url" >"$work/ceiling.log" 2>&1 &
    ceiling_pid=$!; pids+=("$ceiling_pid")
    node "$dynalite_cli" --host 127.0.0.1 --port "$dynalite_port" --path "$work/dynalite-store" --createTableMs 0 >"$work/dynalite.log" 2>&1 &
    dynalite_pid=$!; pids+=("$dynalite_pid")
fi
if has cache || has memory; then
    redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$work" --daemonize no >"$work/redis.log" 2>&1 &
    redis_pid=$!; pids+=("$redis_pid")
fi
if has cache; then
    # As many worker threads as the machine has cores, 1 GB of item memory (far above what the run stores).
    memcached -l 127.0.0.1 -p "$memcached_peer_port" -U 0 -t "$(nproc)" -m 1024 -u "$(id -un)" >"$work/memcached.log" 2>&1 &
    memcached_pid=$!; pids+=("$memcached_pid")
fi
wait_until silo "$silo_pid" "$work/silo.log" 180 answers_200 "$silo_url"
grep -m1 '^DataTier silo started\.' "$work/silo.log" | sed 's/^/  /' || true
loopback_only silo "$silo_pid"
if has http; then
    wait_until ceiling "$ceiling_pid" "$work/ceiling.log" 60 answers_200 "$ceiling_url"
    loopback_only ceiling "$ceiling_pid"
    wait_until dynalite "$dynalite_pid" "$work/dynalite.log" 60 answers_200 "$dynalite_url"
    loopback_only dynalite "$dynalite_pid"
fi
if has cache || has memory; then
    wait_until redis-server "$redis_pid" "$work/redis.log" 30 redis_pong "$redis_port"
    loopback_only redis-server "$redis_pid"
    wait_until "silo RESP" "$silo_pid" "$work/silo.log" 30 redis_pong "$resp_port"
fi
if has cache; then
    wait_until memcached "$memcached_pid" "$work/memcached.log" 30 memcached_version "$memcached_peer_port"
    loopback_only memcached "$memcached_pid"
    wait_until "silo memcached" "$silo_pid" "$work/silo.log" 30 memcached_version "$memcached_port"
fi

# --- measuring helpers ---------------------------------------------------------------------------
failed=0
: >"$work/results.txt"
: >"$work/notes.txt"
note() { echo "  $*" | tee -a "$work/notes.txt" >&2; }
# record SECTION LINE: one result line for the report
# The round a result belongs to (see --rounds); results of one round and workload are a pair measured back to back.
round=1
record() { echo "section=$1 $2 round=$round" >>"$work/results.txt"; }
# json_lines SECTION FILE: appends FILE's JSON lines to the results, tagged with this run
json_lines() { sed "s/^{/{\"run\":\"$run_id\",\"section\":\"$1\",\"round\":$round,\"warmup\":$warmup,/" "$2" >>"$json"; }

# http LABEL URL MIX DIST [RATE]: one measured run of the generator; with RATE (requests a second in
# all, open loop), recorded in section latency rather than http
http() {
    local label=$1 url=$2 mix=$3 dist=$4 rate=${5:-} section=http rc=0
    local paced=()
    [[ -n $rate ]] && { paced=(--rate "$rate"); section=latency; }
    : >"$work/run.json"
    in_background dotnet "$generator" --url "$url" --label "$label" --mix "$mix" --distribution "$dist" "${paced[@]}" \
        --concurrency "$concurrency" --duration "$duration" --warmup "$warmup" --items "$items" --item-size "$item_size" \
        --json "$work/run.json" >"$work/run.out" 2>"$work/run.err" || rc=$?
    cat "$work/run.out"
    if [[ -s $work/run.err ]]; then sed "s/^/[$label $mix $dist $rate] /" "$work/run.err" | while read -r l; do note "$l"; done; fi
    if ((rc != 0)); then note "[$label $mix $dist $rate] the generator exited with $rc"; failed=1; return 0; fi
    grep '^label=' "$work/run.out" | while read -r l; do record "$section" "$l"; done
    json_lines "$section" "$work/run.json"
}

# measured_ops SECTION LABEL MIX DIST: the median ops/s of the recorded runs (empty if none ran)
measured_ops() {
    awk -v want="section=$1 label=$2 op=$3 dist=$4 " 'index($0, want) == 1 { for (i = 1; i <= NF; i++) if ($i ~ /^ops\/s=/) { sub(/^ops\/s=/, "", $i); print $i } }' "$work/results.txt" \
        | sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# http_prime LABEL URL: unrecorded load against a freshly started server (JIT tiering, activations,
# the table's splits under load), each mix in turn, so that no measured run pays for the first use
# of its code paths. Primed with YCSB A alone, the silo's runtime was still compiling methods in the
# B and C runs: its tiered-compilation thread took a tenth of its CPU there. YCSB A gets four times
# as long: its updates (2 write units each, for items just over 1 KB) split the table from 4
# partitions to 32 in three rounds, one per 10-s split check, and the third fell in the measured A runs.
http_prime() {
    local mix seconds
    for mix in ycsb-a ycsb-b ycsb-c ycsb-e; do
        seconds=$prime_seconds
        [[ $mix == ycsb-a ]] && seconds=$prime_a_seconds
        in_background dotnet "$generator" --url "$2" --label "$1-prime" --mix "$mix" --concurrency "$concurrency" \
            --duration "$seconds" --warmup 0 --items "$items" --item-size "$item_size" >"$work/run.out" 2>"$work/run.err" \
            || { cat "$work/run.err" >&2; echo "priming $1 failed" >&2; exit 1; }
        sed 's/^/  /' "$work/run.out"
    done
}

# --- memory --------------------------------------------------------------------------------------
# First of all: in a silo whose heap other workloads have grown and emptied, RSS would not grow.
used_memory() { redis-cli -h 127.0.0.1 -p "$1" INFO memory | tr -d '\r' | awk -F: '$1 == "used_memory" { print $2 }'; }
rss_bytes() { awk '/^VmRSS:/ { print $2 * 1024 }' "/proc/$1/status"; }
if has memory; then
    echo "memory: $memory_keys keys with 100-byte values into the silo's RESP endpoint and redis-server..."
    sets() { # sets PREFIX N: RESP SET commands of N keys with 100-byte values
        awk -v prefix="$1" -v n="$2" 'BEGIN { v = sprintf("%0100d", 0); for (i = 0; i < n; i++) { k = prefix i; printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$100\r\n%s\r\n", length(k), k, v } }'
    }
    sets mem: "$memory_keys" >"$work/memory.resp"
    # A first, smaller load warms the RESP path (JIT, buffers), so the delta is the keys' and not the code's.
    sets warm: 10000 >"$work/warm.resp"
    for port in "$resp_port" "$redis_port"; do
        timeout 300 redis-cli -h 127.0.0.1 -p "$port" --pipe <"$work/warm.resp" >/dev/null 2>&1 || true
        redis-cli -h 127.0.0.1 -p "$port" FLUSHALL >/dev/null
    done
    # MEMORY PURGE before each reading: both servers return freed memory to the system (redis-server's
    # allocator its dirty pages, the silo a compacting collection), so RSS shows what the data holds.
    purge() { for port in "$resp_port" "$redis_port"; do redis-cli -h 127.0.0.1 -p "$port" MEMORY PURGE >/dev/null; done; sleep 1; }
    sleep 1; purge
    before_resp=$(used_memory "$resp_port"); before_redis=$(used_memory "$redis_port")
    before_silo_rss=$(rss_bytes "$silo_pid"); before_redis_rss=$(rss_bytes "$redis_pid")
    for port in "$resp_port" "$redis_port"; do
        # In the foreground: a background job's stdin would be /dev/null. It takes about a second.
        timeout 300 redis-cli -h 127.0.0.1 -p "$port" --pipe <"$work/memory.resp" >"$work/pipe.out" 2>&1 || { cat "$work/pipe.out" >&2; echo "loading port $port failed" >&2; exit 1; }
        grep -q 'errors: 0, replies: '"$memory_keys" "$work/pipe.out" || { note "[memory] port $port: $(tail -n 1 "$work/pipe.out")"; failed=1; }
    done
    sleep 1; purge
    after_resp=$(used_memory "$resp_port"); after_redis=$(used_memory "$redis_port")
    after_silo_rss=$(rss_bytes "$silo_pid"); after_redis_rss=$(rss_bytes "$redis_pid")
    memory_line="keys=$memory_keys resp_used=$((after_resp - before_resp)) redis_used=$((after_redis - before_redis)) silo_rss=$((after_silo_rss - before_silo_rss)) redis_rss=$((after_redis_rss - before_redis_rss))"
    echo "  $memory_line"
    echo "section=memory $memory_line" >>"$work/results.txt"
    printf '{"run":"%s","section":"memory","keys":%d,"valueBytes":100,"siloUsedMemoryDelta":%d,"redisUsedMemoryDelta":%d,"siloRssDelta":%d,"redisRssDelta":%d}\n' \
        "$run_id" "$memory_keys" "$((after_resp - before_resp))" "$((after_redis - before_redis))" \
        "$((after_silo_rss - before_silo_rss))" "$((after_redis_rss - before_redis_rss))" >>"$json"
    for port in "$resp_port" "$redis_port"; do redis-cli -h 127.0.0.1 -p "$port" FLUSHALL >/dev/null; done
fi

# --- http ----------------------------------------------------------------------------------------
if has http; then
    echo "http: loading the YCSB tables ($items records of $item_size bytes, and $items rows under $((items / 20)) partition keys) into the silo and dynalite..."
    for target in "silo $silo_url" "dynalite $dynalite_url"; do
        set -- $target
        in_background dotnet "$generator" --url "$2" --label "$1" --mix ycsb-a --load-only --items "$items" --item-size "$item_size" \
            >"$work/run.out" 2>"$work/run.err" || { cat "$work/run.err" >&2; echo "loading $1 failed" >&2; exit 1; }
    done
    echo "http: priming (unrecorded: ${prime_a_seconds} s of YCSB A, then ${prime_seconds} s each of B, C and E)..."
    http_prime silo "$silo_url"
    http_prime dynalite "$dynalite_url"
    http_prime ceiling "$ceiling_url"
    echo "http: measuring (concurrency $concurrency, ${duration} s per run after ${warmup} s of warm-up)..."
    rotation=0
    for mix in ycsb-a ycsb-b ycsb-c ycsb-e; do
        for dist in uniform zipfian; do
            for ((round = 1; round <= rounds; round++)); do
                targets=("silo $silo_url" "ceiling $ceiling_url")
                # dynalite has no target to meet: it is measured in the first round only.
                ((round == 1)) && targets+=("dynalite $dynalite_url")
                # A constant-body server does not see keys: --quick measures the ceiling once per mix.
                if ((quick)) && [[ $dist == zipfian ]]; then targets=("silo $silo_url" "dynalite $dynalite_url"); fi
                # The first server changes from one run to the next, so none is always the later one.
                for ((i = 0; i < ${#targets[@]}; i++)); do
                    set -- ${targets[$(((i + rotation) % ${#targets[@]}))]}
                    sleep 0.5
                    http "$1" "$2" "$mix" "$dist"
                done
                rotation=$((rotation + 1))
            done
        done
    done
    round=1
    # Closed-loop latency at 50 connections is queueing at saturation (Little's law: 50 requests in
    # flight at 35,000 ops/s are 1.4 ms each on average, whatever the server). The latency a service
    # sees is at a load the server sustains: each mix again, offered at a fixed rate, a fraction of
    # what the ceiling reached on it in this run, to the ceiling and the silo alike.
    echo "http: latency at a fixed rate (${latency_load} of the ceiling's ops/s on each mix, open loop, uniform keys)..."
    rotation=0
    for mix in ycsb-a ycsb-b ycsb-c; do
        ceiling_ops=$(measured_ops http ceiling "$mix" uniform)
        [[ -n $ceiling_ops ]] || { note "[latency $mix] no ceiling run to take the rate from"; failed=1; continue; }
        rate=$(awk -v ops="$ceiling_ops" -v f="$latency_load" 'BEGIN { r = int(ops * f); print r < 1 ? 1 : r }')
        targets=("silo $silo_url" "ceiling $ceiling_url")
        for ((round = 1; round <= rounds; round++)); do
            for ((i = 0; i < 2; i++)); do
                set -- ${targets[$(((i + rotation) % 2))]}
                sleep 0.5
                http "$1" "$2" "$mix" uniform "$rate"
            done
            rotation=$((rotation + 1))
        done
    done
    round=1
fi

# --- sdk -----------------------------------------------------------------------------------------
if has sdk; then
    sdk_workloads=empty,ycsb-c,ycsb-b,ycsb-a
    ((quick)) && sdk_workloads=empty,ycsb-c,ycsb-b
    echo "sdk: $sdk_workloads through the grain client SDK (gateway 127.0.0.1:$gateway_port), uniform keys..."
    : >"$work/run.json"
    rc=0
    in_background dotnet "$sdk_tool" --gateway "127.0.0.1:$gateway_port" --workload "$sdk_workloads" --load \
        --concurrency "$concurrency" --duration "$duration" --warmup "$warmup" --items "$items" --item-size "$item_size" \
        --json "$work/run.json" >"$work/run.out" 2>"$work/run.err" || rc=$?
    cat "$work/run.out"
    if [[ -s $work/run.err ]]; then sed 's/^/[sdk] /' "$work/run.err" | grep -v '^\[sdk\] *$' | while read -r l; do note "$l"; done; fi
    if ((rc != 0)); then note "[sdk] the SDK tool exited with $rc"; failed=1; fi
    grep '^label=' "$work/run.out" | while read -r l; do record sdk "$l"; done
    json_lines sdk "$work/run.json"
fi

# --- cache ---------------------------------------------------------------------------------------
# redis_bench LABEL PORT VARIANT N ARGS...: redis-benchmark -t set,get; one result line per test.
# The full output (not --csv) is parsed, for its percentile distribution has p99.9.
redis_bench() {
    local label=$1 port=$2 variant=$3 n=$4 rc=0
    shift 4
    in_background redis-benchmark -h 127.0.0.1 -p "$port" -t set,get -n "$n" "$@" >"$work/redis-bench.out" 2>&1 || rc=$?
    if ((rc != 0)); then note "[$label $variant] redis-benchmark exited with $rc: $(tail -n 3 "$work/redis-bench.out")"; failed=1; return 0; fi
    tr '\r' '\n' <"$work/redis-bench.out" | awk -v label="$label" -v variant="$variant" -v n="$n" '
        /^====== / { test = $2; p50 = p99 = p999 = ""; next }
        test != "" && /^ *[0-9.]+% <= [0-9.]+ milliseconds/ {
            pct = $1; sub(/%/, "", pct); ms = $3
            if (p50 == "" && pct + 0 >= 50) p50 = ms
            if (p99 == "" && pct + 0 >= 99) p99 = ms
            if (p999 == "" && pct + 0 >= 99.9) p999 = ms
        }
        test != "" && /throughput summary:/ {
            printf "label=%s op=%s-%s dist=- conc=50 ops/s=%.0f p50=%sms p99=%sms p99.9=%sms errors=0\n", label, test, variant, $3, p50, p99, p999
            printf "{\"label\":\"%s\",\"op\":\"%s\",\"variant\":\"%s\",\"requests\":%d,\"opsPerSecond\":%s,\"p50Ms\":%s,\"p99Ms\":%s,\"p999Ms\":%s}\n", label, test, variant, n, $3, p50, p99, p999 > "/dev/stderr"
            test = ""
        }' >"$work/redis-lines.out" 2>"$work/redis-json.out"
    cat "$work/redis-lines.out"
    while read -r l; do record cache "$l"; done <"$work/redis-lines.out"
    json_lines cache "$work/redis-json.out"
}

# memcaslap_bench LABEL PORT SECONDS [RUN]: memcaslap's default mix (90% get, 10% set; keys of 64 bytes
# from a window of 10,000 per connection) with 100-byte values over 50 connections on two threads.
# memcaslap reports latencies only as a log2 histogram: p50, p99 and p99.9 are the upper bounds of
# the power-of-two microsecond buckets they fall in. Labels ending in -prime are not recorded.
memcaslap_bench() {
    local label=$1 port=$2 seconds=${3%.*} run=${4:-1} rc=0
    in_background memcaslap -s "127.0.0.1:$port" -T 2 -c 50 -t "${seconds:-1}s" -X 100 -S "${seconds:-1}s" >"$work/memcaslap.out" 2>&1 || rc=$?
    if ((rc != 0)); then note "[$label memcaslap] exited with $rc: $(tail -n 3 "$work/memcaslap.out")"; failed=1; return 0; fi
    [[ $label == *-prime ]] && return 0
    awk -v label="$label" -v run="$run" '
        /^Total Statistics \(/ { total = 1; events = $3; sub(/\(/, "", events); next }
        total && /^ *[0-9]+:( +[0-9]+)+ *$/ {
            e = $1; sub(/:/, "", e)
            for (i = 2; i <= NF; i++) { count[e + i - 2] = $i; if (e + i - 2 > top) top = e + i - 2 }
        }
        /^get_misses:/ { misses = $2 }
        /^Run time:/ { for (i = 1; i <= NF; i++) if ($i == "TPS:") tps = $(i + 1) }
        # Bucket e of the log2 histogram counts latencies up to 2^e microseconds.
        function bound(fraction,   e, sum) {
            for (e = 0; e <= top; e++) { sum += count[e]; if (sum >= fraction * events) return sprintf("%.3f", 2 ^ e / 1000) }
            return "-"
        }
        END {
            if (tps == "" || events == 0) { print "memcaslap printed no result" > "/dev/stderr"; exit 1 }
            printf "label=%s op=memcaslap-%s dist=- conc=50 ops/s=%d p50=%sms p99=%sms p99.9=%sms errors=0\n", label, run, tps, bound(0.5), bound(0.99), bound(0.999)
            printf "{\"label\":\"%s\",\"op\":\"memcaslap\",\"run\":%d,\"opsPerSecond\":%d,\"operations\":%d,\"getMisses\":%d,\"p50MsAtMost\":%s,\"p99MsAtMost\":%s,\"p999MsAtMost\":%s}\n", label, run, tps, events, misses, bound(0.5), bound(0.99), bound(0.999) > "/dev/stderr"
        }' "$work/memcaslap.out" >"$work/memcaslap-line.out" 2>"$work/memcaslap-json.out" \
        || { note "[$label memcaslap] $(cat "$work/memcaslap-json.out"): $(tail -n 3 "$work/memcaslap.out")"; failed=1; return 0; }
    cat "$work/memcaslap-line.out"
    record cache "$(cat "$work/memcaslap-line.out")"
    json_lines cache "$work/memcaslap-json.out"
}

if has cache; then
    echo "cache: priming the silo's RESP endpoint (unrecorded)..."
    in_background redis-benchmark -h 127.0.0.1 -p "$resp_port" -t set,get -c 50 -n "$bench_n" -q >/dev/null 2>&1 || true
    echo "cache: redis-benchmark SET and GET against the silo (port $resp_port) and redis-server (port $redis_port)..."
    rotation=0
    for variant in c50 P16 r100k; do
        case $variant in
            c50) args=(-c 50); n=$bench_n ;;
            P16) args=(-c 50 -P 16); n=$bench_n_pipelined ;;
            r100k) args=(-c 50 -r 100000); n=$bench_n ;;
        esac
        for ((round = 1; round <= rounds; round++)); do
            if ((rotation % 2 == 0)); then
                redis_bench resp "$resp_port" "$variant" "$n" "${args[@]}"; redis_bench redis "$redis_port" "$variant" "$n" "${args[@]}"
            else
                redis_bench redis "$redis_port" "$variant" "$n" "${args[@]}"; redis_bench resp "$resp_port" "$variant" "$n" "${args[@]}"
            fi
            rotation=$((rotation + 1))
        done
    done
    round=1

    echo "cache: memcaslap (90% get, 10% set, 100-byte values, 50 connections) against the silo (port $memcached_port) and memcached (port $memcached_peer_port)..."
    memcaslap_bench memcached-prime "$memcached_port" "$prime_seconds" >/dev/null
    # One run each, twice over in alternating order, so that neither server is always the later one.
    memcaslap_bench memc "$memcached_port" "$memcaslap_seconds" 1
    memcaslap_bench memcached "$memcached_peer_port" "$memcaslap_seconds" 1
    memcaslap_bench memcached "$memcached_peer_port" "$memcaslap_seconds" 2
    memcaslap_bench memc "$memcached_port" "$memcaslap_seconds" 2
fi

# --- report --------------------------------------------------------------------------------------
machine_line=$(machine)
header="$command_line  ($(date -u '+%F %H:%M UTC'); concurrency $concurrency; ${duration} s runs after ${warmup} s warm-up; $rounds round(s) per pair)"
tables=$(awk -v quick="$quick" -f "$bench/suite-report.awk" "$work/results.txt")
echo
echo "$header"
echo "machine: $machine_line"
echo
echo "$tables"
{
    echo "# Benchmark suite, $(date -u '+%F %H:%M UTC')"
    echo
    echo "- Command line: \`$command_line\` (run \`$run_id\` in \`${json#"$repo/"}\`)"
    echo "- Machine: $machine_line"
    echo "- Concurrency $concurrency; ${duration} s measured per HTTP and SDK run after ${warmup} s of warm-up; $items items of $item_size bytes"
    echo "- Each HTTP, fixed-rate and redis-benchmark pair measured in $rounds round(s), alternating which server goes first (dynalite in the first round only); figures are the rounds' medians, ratios the median of the rounds' ratios (lowest to highest beside it)"
    echo "- Everything (servers, peers, load generators) on the same machine, on 127.0.0.1; only the ratios mean anything"
    echo
    echo "$tables"
    if [[ -s $work/notes.txt ]]; then echo; echo "Messages of the tools:"; echo; echo '```'; cat "$work/notes.txt"; echo '```'; fi
    echo
    echo "Raw result lines:"
    echo
    echo '```'
    cat "$work/results.txt"
    echo '```'
} >"$report"
echo
echo "JSON lines appended to ${json#"$repo/"}; report written to ${report#"$repo/"}"
if [[ -s $work/notes.txt ]]; then echo; echo "messages of the tools:"; cat "$work/notes.txt"; fi
if grep -q 'errors=[1-9]' "$work/results.txt"; then echo "some runs had errors; their figures are not comparable with runs without" >&2; failed=1; fi
exit "$failed"
