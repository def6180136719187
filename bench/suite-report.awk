# Turns bench/run.sh's result lines into its markdown tables.
#   awk -v quick=0|1 -f bench/suite-report.awk results.txt
# Input lines: "section=S label=L op=O dist=D conc=C ops/s=N p50=Xms p99=Xms p99.9=Xms errors=E [rate=R]"
# and one "section=memory keys=N resp_used=B redis_used=B silo_rss=B redis_rss=B".
# Section latency holds the fixed-rate runs (rate=R, requests a second offered in all).

function field(name,   i, kv) {
    for (i = 1; i <= NF; i++) {
        split($i, kv, "=")
        if (kv[1] == name) { sub(/ms$/, "", kv[2]); return kv[2] }
    }
    return ""
}

{
    section = field("section")
    if (section == "memory") {
        memory = 1
        keys = field("keys"); resp_used = field("resp_used"); redis_used = field("redis_used")
        silo_rss = field("silo_rss"); redis_rss = field("redis_rss")
        next
    }
    key = section SUBSEP field("label") SUBSEP field("op") SUBSEP field("dist")
    seen[key] = 1
    rows++
    if (section == "latency") latency = 1
    rate[key] = field("rate")
    ops[key] = field("ops/s"); p50[key] = field("p50"); p99[key] = field("p99"); p999[key] = field("p99.9"); errs[key] = field("errors")
    if (errs[key] > 0) errors_seen = errors_seen " " field("label") "/" field("op") "/" field("dist") "=" errs[key]
}

function figures(k) {
    if (!(k in seen)) return "- | - | - | -"
    return sprintf("%s | %s | %s | %s", ops[k], p50[k], p99[k], p999[k])
}

function ratio(a, b) {
    if (!(a in seen) || !(b in seen) || ops[b] <= 0) return "-"
    return sprintf("%.2f", ops[a] / ops[b])
}

# check(RATIO, MIN): "≥ MIN ✓" or "≥ MIN ✗"
function check(r, min) {
    if (r == "-") return "≥ " min " (not measured)"
    return "≥ " min " " ((r + 0 >= min + 0) ? "✓" : "✗")
}

function row(suite, workload, project, peer_name, peer, target) {
    printf "| %s | %s | %s | %s | %s | %s | %s |\n", suite, workload, figures(project), peer_name, figures(peer), ratio(project, peer), target
}

END {
    if (rows > 0) main_table()
    if (latency) latency_table()
    if (memory) memory_table()
}

function main_table(   m, d, dist, silo, workload, ceiling, ceiling_name, target, empty, k, v, t, test, resp, redis, cache) {
    print "| suite | workload | project ops/s | p50 ms | p99 ms | p99.9 ms | peer | peer ops/s | p50 ms | p99 ms | p99.9 ms | project/peer | target |"
    print "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |"

    split("ycsb-a ycsb-b ycsb-c ycsb-e", mixes, " ")
    split("A: 50% read, 50% update|B: 95% read, 5% update|C: 100% read|E: 95% Query of 1-10 rows, 5% insert", names, "|")
    split("0.4 0.6 0.6 -", ceiling_targets, " ")
    for (m = 1; m <= 4; m++) {
        for (d = 1; d <= 2; d++) {
            dist = d == 1 ? "uniform" : "zipfian"
            silo = "http" SUBSEP "silo" SUBSEP mixes[m] SUBSEP dist
            if (!(silo in seen) && !(("http" SUBSEP "dynalite" SUBSEP mixes[m] SUBSEP dist) in seen)) continue
            workload = "YCSB " names[m] ", " dist
            row("http", workload, silo, "dynalite", "http" SUBSEP "dynalite" SUBSEP mixes[m] SUBSEP dist, "-")
            ceiling = "http" SUBSEP "ceiling" SUBSEP mixes[m] SUBSEP dist
            ceiling_name = "ceiling"
            if (!(ceiling in seen) && quick) { ceiling = "http" SUBSEP "ceiling" SUBSEP mixes[m] SUBSEP "uniform"; ceiling_name = "ceiling (uniform run)" }
            target = "-"
            if (ceiling_targets[m] != "-") {
                target = check(ratio(silo, ceiling), ceiling_targets[m])
            }
            row("http", workload, silo, ceiling_name, ceiling, target)
        }
    }

    empty = "sdk" SUBSEP "sdk" SUBSEP "empty" SUBSEP "uniform"
    split("ycsb-c ycsb-b ycsb-a", sdk_mixes, " ")
    split("C: GetItem of a cached item|B: 95% GetItem, 5% UpdateItem|A: 50% GetItem, 50% UpdateItem", sdk_names, "|")
    for (m = 1; m <= 3; m++) {
        k = "sdk" SUBSEP "sdk" SUBSEP sdk_mixes[m] SUBSEP "uniform"
        if (!(k in seen)) continue
        row("sdk", "YCSB " sdk_names[m] ", uniform", k, "empty grain call", empty, m == 1 ? check(ratio(k, empty), 0.7) : "-")
    }

    split("c50 P16 r100k", variants, " ")
    split("-c 50|-c 50 -P 16|-c 50 -r 100000", variant_names, "|")
    cache = 0
    for (v = 1; v <= 3; v++) {
        for (t = 1; t <= 2; t++) {
            test = t == 1 ? "GET" : "SET"
            resp = "cache" SUBSEP "resp" SUBSEP test "-" variants[v] SUBSEP "-"
            redis = "cache" SUBSEP "redis" SUBSEP test "-" variants[v] SUBSEP "-"
            if (!(resp in seen) && !(redis in seen)) continue
            cache = 1
            row("cache", "redis-benchmark " test " " variant_names[v], resp, "redis-server", redis, v < 3 ? check(ratio(resp, redis), 0.8) : "-")
        }
    }
    for (v = 1; v <= 2; v++) {
        resp = "cache" SUBSEP "memc" SUBSEP "memcaslap-" v SUBSEP "-"
        redis = "cache" SUBSEP "memcached" SUBSEP "memcaslap-" v SUBSEP "-"
        if (!(resp in seen) && !(redis in seen)) continue
        cache = 1
        memcaslap = 1
        row("cache", "memcaslap 90% get, 10% set, 100-byte values, -c 50 (run " v ")", resp, "memcached", redis, "-")
    }

    if (errors_seen != "") print "\nruns with errors:" errors_seen
    if (memcaslap) print "\nmemcaslap reports latency as a log2 histogram: its p50, p99 and p99.9 are the upper bounds of the power-of-two microsecond buckets they fall in."
    print ""
}

# The fixed-rate runs: the same offered rate to the silo and the ceiling; p99 is judged here, below
# saturation, and against the ceiling's own p99 at that rate (on a machine where the ceiling's p99
# is over 2 ms, the absolute target cannot be told from the machine).
function latency_table(   m, silo, ceiling, r, target, has_silo, has_ceiling) {
    print "| latency at a fixed rate, 50 connections, uniform | offered ops/s | project ops/s | p50 ms | p99 ms | p99.9 ms | ceiling ops/s | p50 ms | p99 ms | p99.9 ms | p99 project/ceiling | target |"
    print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    split("ycsb-a ycsb-b ycsb-c", lmixes, " ")
    split("A: 50% read, 50% update|B: 95% read, 5% update|C: 100% read", lnames, "|")
    for (m = 1; m <= 3; m++) {
        silo = "latency" SUBSEP "silo" SUBSEP lmixes[m] SUBSEP "uniform"
        ceiling = "latency" SUBSEP "ceiling" SUBSEP lmixes[m] SUBSEP "uniform"
        if (!(silo in seen) && !(ceiling in seen)) continue
        has_silo = (silo in seen); has_ceiling = (ceiling in seen)
        r = (has_silo && has_ceiling && p99[ceiling] > 0) ? sprintf("%.2f", p99[silo] / p99[ceiling]) : "-"
        target = "-"
        if (has_silo) {
            target = "p99 < 2 ms " ((p99[silo] + 0 < 2) ? "✓" : "✗")
            if (has_ceiling && p99[ceiling] + 0 >= 2) target = target " (the ceiling's own p99 is " p99[ceiling] " ms)"
        }
        printf "| YCSB %s | %s | %s | %s | %s |\n", lnames[m], has_silo ? rate[silo] : rate[ceiling], figures(silo), figures(ceiling), r " | " target
    }
    print ""
}

function memory_table(   r1, r2, r3) {
    print "| memory, " keys " keys with 100-byte values | project bytes/item | redis-server bytes/item | project/redis | target |"
    print "| --- | ---: | ---: | ---: | --- |"
    r1 = redis_used > 0 ? sprintf("%.2f", resp_used / redis_used) : "-"
    r2 = redis_used > 0 ? sprintf("%.2f", silo_rss / redis_used) : "-"
    printf "| INFO used_memory delta, both | %.0f | %.0f | %s | ≤ 2 %s |\n", resp_used / keys, redis_used / keys, r1, (r1 != "-" && r1 + 0 <= 2) ? "✓" : "✗"
    printf "| silo process RSS delta vs redis INFO used_memory delta | %.0f | %.0f | %s | ≤ 2 %s |\n", silo_rss / keys, redis_used / keys, r2, (r2 != "-" && r2 + 0 <= 2) ? "✓" : "✗"
    r3 = (redis_rss > 0) ? sprintf("%.2f", silo_rss / redis_rss) : "-"
    printf "| (for reference) RSS delta, both processes | %.0f | %.0f | %s | - |\n", silo_rss / keys, redis_rss / keys, r3
}
