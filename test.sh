#!/usr/bin/env bash
# Runs every test. Installs what the tests need first, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

# The tests need the .NET SDK and, for the cache's differential and client tests, redis-server,
# redis-cli and redis-benchmark (Debian's redis-server and redis-tools), installed here when missing
# so that CI, which starts from a clean clone, gets them too.
if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null || ! command -v redis-benchmark >/dev/null; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server redis-tools
fi
dotnet build Cluster.sln -c Debug --nologo -v quiet
dotnet test Cluster.sln -c Debug --no-build --nologo "$@"
