#!/usr/bin/env bash
# Runs every test. Installs what the tests need first, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

# Peers the tests start or call, installed when missing (CI starts from a clean clone, as root).
# The cache's differential and client tests need redis-server, redis-cli and redis-benchmark.
need_apt=()
[ -x /usr/bin/aws ] || need_apt+=(awscli)
{ command -v redis-server && command -v redis-cli && command -v redis-benchmark; } >/dev/null 2>&1 || need_apt+=(redis-server redis-tools)
# The memcached endpoint is checked with memccapable's protocol tests.
[ -x /usr/bin/memccapable ] || need_apt+=(libmemcached-tools)
# The binary protocol is also compared with a real memcached.
[ -x /usr/bin/memcached ] || need_apt+=(memcached)
if [ ${#need_apt[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# Peer servers the tests run against, pinned in tests/peers (dynalite 4.0.0 for the differential
# suite). Installed here so that CI, which starts from a clean clone, gets them too; a no-op when the
# pinned versions are already in tests/peers/node_modules.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
        echo "test.sh: node and npm are needed for the differential tests (apt-get install nodejs npm)" >&2
        exit 1
    fi
fi
if ! cmp -s tests/peers/package-lock.json tests/peers/node_modules/.peers-installed 2>/dev/null; then
    (cd tests/peers && npm ci --no-audit --no-fund --loglevel=error)
    cp tests/peers/package-lock.json tests/peers/node_modules/.peers-installed
fi

dotnet build Cluster.sln -c Debug --nologo -v quiet
dotnet test Cluster.sln -c Debug --no-build --nologo "$@"
