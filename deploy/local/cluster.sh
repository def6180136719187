#!/usr/bin/env bash
# A local multi-process cluster on loopback: dynalite as the shared DynamoDB store and membership
# table, and N stateless silos.
#   deploy/local/cluster.sh up N     start dynalite and silos 1..N (silo i: DynamoDB API 8000+i,
#                                    admin 8080+i, RESP 6379+i, memcached 11211+i, Orleans silo
#                                    port 11111+i, gateway 30000+i)
#   deploy/local/cluster.sh kill I   SIGKILL silo I (the others take over its partitions)
#   deploy/local/cluster.sh start I  start silo I again
#   deploy/local/cluster.sh status   what runs
#   deploy/local/cluster.sh down     stop every silo (SIGTERM) and dynalite; data stays in deploy/local/.run
#   deploy/local/cluster.sh clean    down, then remove deploy/local/.run
# DYNALITE_PORT (default 4567) moves dynalite; CLUSTER_RUN_DIR (deploy/local/.run) holds pids, logs
# and data; CONFIGURATION (Debug) picks the build; SILO_ARGS adds settings to every silo
# (e.g. SILO_ARGS="--Rebalancing:JoinSettleTime=00:00:01").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run="${CLUSTER_RUN_DIR:-$here/.run}"
dynalite_port="${DYNALITE_PORT:-4567}"
configuration="${CONFIGURATION:-Debug}"
silo_dll="$root/silo/bin/$configuration/net10.0/DataTier.Silo.dll"
read -r -a silo_args <<<"${SILO_ARGS:-}"

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
# A running dynalite keeps the port it was started with.
if alive "$run/dynalite.pid" && [ -f "$run/dynalite.port" ]; then dynalite_port="$(cat "$run/dynalite.port")"; fi

wait_for_line() { # file pattern seconds pidfile
    local deadline=$((SECONDS + $3))
    until grep -q "$2" "$1" 2>/dev/null; do
        if ! alive "$4"; then echo "exited; see $1" >&2; tail -20 "$1" >&2; return 1; fi
        if [ $SECONDS -ge $deadline ]; then echo "timed out; see $1" >&2; return 1; fi
        sleep 0.2
    done
}

start_dynalite() {
    alive "$run/dynalite.pid" && return 0
    local cli="$root/tests/peers/node_modules/dynalite/cli.js"
    if [ ! -f "$cli" ]; then (cd "$root/tests/peers" && npm ci --no-audit --no-fund --loglevel=error); fi
    mkdir -p "$run/dynalite-data"
    node "$cli" --host 127.0.0.1 --port "$dynalite_port" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 \
        --path "$run/dynalite-data" >"$run/dynalite.log" 2>&1 &
    echo $! >"$run/dynalite.pid"
    echo "$dynalite_port" >"$run/dynalite.port"
    wait_for_line "$run/dynalite.log" "Dynalite listening" 30 "$run/dynalite.pid"
}

start_silo() {
    local i="$1"
    [[ "$i" =~ ^[1-9][0-9]*$ ]] || { echo "silo numbers count from 1 (was '$i')" >&2; return 2; }
    alive "$run/silo-$i.pid" && { echo "silo $i already runs"; return 0; }
    (cd "$(dirname "$silo_dll")" && exec dotnet "$silo_dll" \
        --Endpoints:DynamoDb:Url="http://127.0.0.1:$((8000 + i))" \
        --Endpoints:Admin:Url="http://127.0.0.1:$((8080 + i))" \
        --Endpoints:Resp:Port=$((6379 + i)) --Endpoints:Memcached:Port=$((11211 + i)) \
        --Orleans:SiloPort=$((11111 + i)) --Orleans:GatewayPort=$((30000 + i)) --Orleans:ClusterId=local \
        --Store:Kind=DynamoDb --Store:DynamoDb:ServiceUrl="http://127.0.0.1:$dynalite_port" \
        --Store:DynamoDb:Region=us-east-1 --Store:DynamoDb:AccessKey=local --Store:DynamoDb:SecretKey=local \
        --Store:DynamoDb:TablePrefix=local- --Clustering:Kind=DynamoDb "${silo_args[@]}") >"$run/silo-$i.log" 2>&1 &
    echo $! >"$run/silo-$i.pid"
    wait_for_line "$run/silo-$i.log" "DataTier silo started" 120 "$run/silo-$i.pid"
    printf 'silo %d  pid %-7s DynamoDB http://127.0.0.1:%d  admin http://127.0.0.1:%d  RESP %d  memcached %d  silo port %d  gateway %d  log %s\n' \
        "$i" "$(cat "$run/silo-$i.pid")" $((8000 + i)) $((8080 + i)) $((6379 + i)) $((11211 + i)) $((11111 + i)) $((30000 + i)) "$run/silo-$i.log"
}

stop_pidfile() {
    local file="$1"
    if alive "$file"; then
        local pid; pid="$(cat "$file")"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

status() {
    alive "$run/dynalite.pid" && echo "dynalite pid $(cat "$run/dynalite.pid") http://127.0.0.1:$(cat "$run/dynalite.port")" || echo "dynalite not running"
    for f in "$run"/silo-*.pid; do
        [ -e "$f" ] || continue
        local i="${f##*/silo-}"; i="${i%.pid}"
        alive "$f" && echo "silo $i pid $(cat "$f") DynamoDB http://127.0.0.1:$((8000 + i)) admin http://127.0.0.1:$((8080 + i))" || echo "silo $i not running"
    done
}

case "${1:-}" in
    up)
        n="${2:-3}"
        mkdir -p "$run"
        dotnet build "$root/silo/DataTier.Silo.csproj" -c "$configuration" --nologo -v quiet >/dev/null
        start_dynalite
        echo "dynalite pid $(cat "$run/dynalite.pid") http://127.0.0.1:$dynalite_port (data in $run/dynalite-data)"
        for i in $(seq 1 "$n"); do start_silo "$i"; done
        ;;
    start) mkdir -p "$run"; start_dynalite; start_silo "${2:?silo index}" ;;
    kill)
        f="$run/silo-${2:?silo index}.pid"
        alive "$f" || { echo "silo $2 is not running" >&2; exit 1; }
        kill -KILL "$(cat "$f")"; rm -f "$f"; echo "silo $2 killed (SIGKILL)"
        ;;
    status) status ;;
    down|clean)
        for f in "$run"/silo-*.pid; do [ -e "$f" ] && stop_pidfile "$f"; done
        stop_pidfile "$run/dynalite.pid"
        [ "$1" = clean ] && rm -rf "$run"
        echo "stopped"
        ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
