# Turns bench/run.sh's result lines into its markdown tables.
#   awk -v quick=0|1 -f bench/suite-report.awk results.txt
# Input lines: "section=S label=L op=O dist=D conc=C ops/s=N p50=Xms p99=Xms p99.9=Xms errors=E [rate=R wake_p50=Xms wake_p99=Xms] [round=K]"
# and one "section=memory keys=N resp_used=B redis_used=B silo_rss=B redis_rss=B".
# Section latency holds the fixed-rate runs (rate=R, requests a second offered in all), with what the
# generator's WakeupProbe saw meanwhile (wake_p99: how late a 1-ms sleep ended, the machine's own noise).
# A workload measured in several rounds (run.sh --rounds) is reported by the medians of its rounds; a
# ratio is the median of the ratios of the rounds' pairs (the two servers measured back to back), and
# its lowest and highest are shown beside it.

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
    r = field("round"); if (r == "") r = 1
    if (r + 0 > max_round) max_round = r + 0
    ops_of[key, r] = field("ops/s"); p50_of[key, r] = field("p50"); p99_of[key, r] = field("p99"); p999_of[key, r] = field("p99.9")
    if (field("wake_p99") != "") wake_of[key, r] = field("wake_p99")
    errs[key] += field("errors")
    if (field("errors") > 0) errors_seen = errors_seen " " field("label") "/" field("op") "/" field("dist") "/round " r "=" field("errors")
}

# median(VALUES, N): the median of VALUES[1..N] (sorted in place)
function median(v, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}

# metric_median(METRIC, KEY): the median over KEY's rounds of one of ops, p50, p99, p999, wake (the wake-up probe's p99)
function metric_median(metric, k,   r, n, v) {
    n = 0; split("", v)
    for (r = 1; r <= max_round; r++) {
        if (!((k, r) in ops_of)) continue
        if (metric == "wake" && !((k, r) in wake_of)) continue
        v[++n] = metric == "ops" ? ops_of[k, r] : metric == "p50" ? p50_of[k, r] : metric == "p99" ? p99_of[k, r] : metric == "wake" ? wake_of[k, r] : p999_of[k, r]
    }
    return n ? median(v, n) : ""
}

# number(X): a figure as the tools printed it, or an average of two rounds to the same few digits
function number(x) {
    if (x + 0 < 1000 && x ~ /^[0-9]+(\.[0-9]+)?$/ && length(x) <= 6) return x
    x = x + 0; return x >= 100 ? sprintf("%.0f", x) : sprintf("%.3f", x)
}

# paired(METRIC, A, B): the ratios A/B of METRIC in the rounds both ran, in PAIRS[1..n]; returns n
function paired(metric, a, b,   r, n, x, y) {
    n = 0; split("", pairs)
    for (r = 1; r <= max_round; r++) {
        if (!((a, r) in ops_of) || !((b, r) in ops_of)) continue
        x = metric == "ops" ? ops_of[a, r] : p99_of[a, r]; y = metric == "ops" ? ops_of[b, r] : p99_of[b, r]
        if (y + 0 > 0) pairs[++n] = x / y
    }
    return n
}

# ratio_of(METRIC, A, B): the median of the rounds' ratios, or the ratio of the medians if no round has both
function ratio_of(metric, a, b,   n, y) {
    if (!(a in seen) || !(b in seen)) return "-"
    n = paired(metric, a, b)
    if (n > 0) return sprintf("%.2f", median(pairs, n))
    y = metric_median(metric, b)
    return y + 0 > 0 ? sprintf("%.2f", metric_median(metric, a) / y) : "-"
}

# ratio_text(METRIC, A, B): the ratio, with the lowest and highest round beside it when there are several
function ratio_text(metric, a, b,   t, n) {
    t = ratio_of(metric, a, b)
    if (t == "-") return t
    n = paired(metric, a, b)
    if (n > 1) { median(pairs, n); t = t sprintf(" (%.2f to %.2f)", pairs[1], pairs[n]) }
    return t
}

function figures(k) {
    if (!(k in seen)) return "- | - | - | -"
    return sprintf("%s | %s | %s | %s", number(metric_median("ops", k)), number(metric_median("p50", k)), number(metric_median("p99", k)), number(metric_median("p999", k)))
}

function ratio(a, b) { return ratio_of("ops", a, b) }

# check(RATIO, MIN): "≥ MIN ✓" or "≥ MIN ✗"
function check(r, min) {
    if (r == "-") return "≥ " min " (not measured)"
    return "≥ " min " " ((r + 0 >= min + 0) ? "✓" : "✗")
}

function row(suite, workload, project, peer_name, peer, target) {
    printf "| %s | %s | %s | %s | %s | %s | %s |\n", suite, workload, figures(project), peer_name, figures(peer), ratio_text("ops", project, peer), target
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
function latency_table(   m, silo, ceiling, r, target, has_silo, has_ceiling, p99_silo, p99_ceiling, wake) {
    print "| latency at a fixed rate, 50 connections, uniform | offered ops/s | project ops/s | p50 ms | p99 ms | p99.9 ms | ceiling ops/s | p50 ms | p99 ms | p99.9 ms | p99 project/ceiling | the machine: a 1-ms sleep's p99 overrun, project / ceiling runs | target |"
    print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    split("ycsb-a ycsb-b ycsb-c", lmixes, " ")
    split("A: 50% read, 50% update|B: 95% read, 5% update|C: 100% read", lnames, "|")
    for (m = 1; m <= 3; m++) {
        silo = "latency" SUBSEP "silo" SUBSEP lmixes[m] SUBSEP "uniform"
        ceiling = "latency" SUBSEP "ceiling" SUBSEP lmixes[m] SUBSEP "uniform"
        if (!(silo in seen) && !(ceiling in seen)) continue
        has_silo = (silo in seen); has_ceiling = (ceiling in seen)
        r = (has_silo && has_ceiling) ? ratio_text("p99", silo, ceiling) : "-"
        target = "-"
        if (has_silo) {
            p99_silo = metric_median("p99", silo); p99_ceiling = has_ceiling ? metric_median("p99", ceiling) : 0
            target = "p99 < 2 ms " ((p99_silo + 0 < 2) ? "✓" : "✗")
            if (has_ceiling && p99_ceiling + 0 >= 2) target = target " (the ceiling's own p99 is " number(p99_ceiling) " ms)"
        }
        wake = (has_silo ? wake_text(silo) : "-") " / " (has_ceiling ? wake_text(ceiling) : "-")
        printf "| YCSB %s | %s | %s | %s | %s |\n", lnames[m], has_silo ? rate[silo] : rate[ceiling], figures(silo), figures(ceiling), r " | " wake " | " target
    }
    print ""
}

# wake_text(KEY): the median of the wake-up probe's p99 over KEY's rounds, in ms, or "-" for runs without it
function wake_text(k,   w) {
    w = metric_median("wake", k)
    return w == "" ? "-" : number(w)
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
