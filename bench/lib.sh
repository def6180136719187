# Shell functions shared by the bench scripts (run.sh, run-http.sh, run-scale.sh); sourced, never run.
#
# The sourcing script sets `work` (its temporary directory) before calling bench_traps, and adds the
# process ids of whatever it starts to `pids`; `child` is the foreground step run by in_background.
# Everything in `pids` and `child` is stopped, and `work` removed, however the script exits.

pids=()
child=""

# whole OPTION VALUE: exits 2 unless VALUE is a whole number >= 1
whole() { [[ $2 =~ ^[0-9]+$ && $2 -ge 1 ]] || { echo "$1 needs a whole number >= 1, not '$2'" >&2; exit 2; }; }

# need COMMAND HOW: exits 1 when COMMAND is missing, saying HOW to get it
need() { command -v "$1" >/dev/null 2>&1 || { echo "$1 is needed ($2)" >&2; exit 1; }; }

stop() { # stop PID: TERM, up to 10 s of grace, then KILL
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
}
bench_cleanup() {
    local rc=$? pid
    trap - EXIT INT TERM
    if [[ -n $child ]]; then stop "$child"; fi
    for pid in "${pids[@]}"; do stop "$pid"; done
    wait 2>/dev/null || true
    rm -rf "$work"
    exit "$rc"
}
bench_traps() {
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# in_background CMD...: runs a foreground step as a waited-for child, so that Ctrl-C reaches the trap at once.
in_background() {
    local rc=0
    "$@" &
    child=$!
    wait "$child" || rc=$?
    child=""
    return "$rc"
}

machine() {
    local cpu mem
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    echo "nproc $(nproc), memory $mem, CPU ${cpu:-unknown}, kernel $(uname -r), .NET SDK $(dotnet --version 2>/dev/null || echo '?'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

port_free() { [[ -z $(ss -Hltn "sport = :$1") ]]; }
ports_free() { # ports_free PORT...: exits 1 when one is taken
    local port
    for port in "$@"; do
        port_free "$port" || { echo "port $port is in use; stop whatever listens there first" >&2; ss -ltnp "sport = :$port" >&2; exit 1; }
    done
}

status_of() { # status_of URL: HTTP status of a ListTables POST, 000 when nothing answers
    curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X POST "$1/" -H 'X-Amz-Target: DynamoDB_20120810.ListTables' \
        -H 'Content-Type: application/x-amz-json-1.0' -H 'X-Amz-Date: 20260101T000000Z' \
        -H 'Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
        -d '{}' || true
}
answers_200() { [[ $(status_of "$1") == 200 ]]; }

wait_until() { # wait_until NAME PID LOG SECONDS CHECK...: until CHECK succeeds
    local name=$1 pid=$2 log=$3 deadline=$((SECONDS + $4))
    shift 4
    until "$@"; do
        if ! kill -0 "$pid" 2>/dev/null; then echo "$name exited before it answered; its log:" >&2; tail -n 40 "$log" >&2; exit 1; fi
        if ((SECONDS > deadline)); then echo "$name did not answer within the time allowed; its log:" >&2; tail -n 40 "$log" >&2; exit 1; fi
        sleep 0.3
    done
}

loopback_only() { # loopback_only NAME PID: every listening TCP socket of PID is on 127.0.0.1
    local sockets
    sockets=$(ss -Hltnp | grep "pid=$2," | awk '{print $4}' | sort -u)
    if [[ -z $sockets ]]; then echo "cannot see the listening sockets of $1 (pid $2)" >&2; exit 1; fi
    if grep -qv '^127\.0\.0\.1:' <<<"$sockets"; then echo "$1 listens beyond 127.0.0.1:" $sockets >&2; exit 1; fi
    echo "  $1 (pid $2) listens on" $sockets
}

# build_release LOG PROJECT...: dotnet build -c Release of each PROJECT (a .csproj, folder or .slnf)
build_release() {
    local log=$1 project
    shift
    for project in "$@"; do
        in_background dotnet build -c Release "$project" --nologo -v quiet >"$log" 2>&1 || { cat "$log" >&2; echo "building $project failed" >&2; exit 1; }
    done
}

# apt_install PACKAGE...: installs Debian packages (as root, or through sudo); nothing when none given
apt_install() {
    (($# > 0)) || return 0
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    echo "installing $*..."
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"; } >"$work/apt.log" 2>&1 \
        || { cat "$work/apt.log" >&2; echo "installing $* failed" >&2; exit 1; }
}
