#!/usr/bin/env bash
# Runs every test. Installs what the tests need first, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

# The tests need only the .NET SDK today; later subsystems add their peers here
# (redis-server, dynalite) so that CI, which starts from a clean clone, gets them too.
dotnet build Cluster.sln -c Debug --nologo -v quiet
dotnet test Cluster.sln -c Debug --no-build --nologo "$@"
