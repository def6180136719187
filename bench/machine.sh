# Sourced by the bench scripts: machine() prints one line describing this machine for the results.
machine() {
    local cpu mem
    cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
    mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    echo "nproc $(nproc), memory $mem, CPU ${cpu:-unknown}, kernel $(uname -r), .NET SDK $(dotnet --version 2>/dev/null || echo '?'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
