using System.Text.RegularExpressions;

namespace DataTier.Tests.Cache;

/// <summary>
/// What <see cref="RandomDifferentialTests"/> does not compare exactly, each for a reason: the two servers' clocks (TTLs,
/// idle and seen times), and element orders Redis leaves to its hash tables.
/// </summary>
public static partial class RandomReplyNormalizer
{
    private static readonly HashSet<string> Unordered = ["HGETALL", "HKEYS", "HVALS", "SMEMBERS", "SINTER", "SUNION", "SDIFF",
        // The generator asks these for the whole collection (or none), whose order is the hash table's.
        "SRANDMEMBER", "ZRANDMEMBER", "HRANDFIELD", "SPOP"];

    /// <param name="args">The command's arguments, upper-cased.</param>
    public static string Normalize(string[] args, string reply)
    {
        var command = args[0];
        if (command == "TTL" && long.TryParse(reply.TrimStart(':'), out var ttl) && ttl > 0) return ":positive";
        // An expiry set by EXPIRE 100 is relative to each server's clock; those set by EXPIREAT are compared exactly.
        if (command == "EXPIRETIME" && long.TryParse(reply.TrimStart(':'), out var at) && at > 0 && at < 4_000_000_000) return ":relative";
        if (command == "PEXPIRETIME" && long.TryParse(reply.TrimStart(':'), out var pat) && pat > 0 && pat < 4_000_000_000_000) return ":relative";
        // Idle times, seen times and delivery times are read from each server's clock.
        if (command == "XINFO") return ClockFields().Replace(Timestamps().Replace(reply, ":time"), "$1, :N");
        if (command == "XPENDING") return WithoutPendingIdle(reply);
        var unordered = Unordered.Contains(command)
            // BY nosort leaves a set in its hash table's order (unless stored, when Redis sorts it).
            || (command is "SORT" or "SORT_RO" && !args.Contains("STORE") && (args.Contains("NOSORT")
                // ALPHA with BY leaves elements of equal weights (absent ones) in their input order, for a set or a
                // sorted set its hash table's: Redis breaks such ties by the element only when sorting numbers.
                || (args.Contains("ALPHA") && args.Contains("BY"))));
        if (!unordered || !reply.StartsWith('[')) return reply;
        var items = reply.Trim('[', ']').Split(", ");
        if (command == "HGETALL" || args.Contains("WITHVALUES") || args.Contains("WITHSCORES"))
            items = [.. items.Chunk(2).Select(pair => string.Join(" = ", pair))];
        return "sorted" + string.Join("|", items.Order(StringComparer.Ordinal));
    }

    /// <summary>An extended XPENDING's reply with each entry's idle time (read from the server's clock) blanked.</summary>
    public static string WithoutPendingIdle(string reply) => PendingIdle().Replace(reply, "$1:idle");

    [GeneratedRegex("\"(idle|seen-time|active-time|inactive)\", :-?[0-9]+")]
    private static partial Regex ClockFields();

    /// <summary>Unix times in milliseconds (XINFO STREAM FULL's delivery times).</summary>
    [GeneratedRegex(":1[0-9]{12}\\b")]
    private static partial Regex Timestamps();

    /// <summary>An extended XPENDING's entry: ID, consumer, idle time, deliveries.</summary>
    [GeneratedRegex("(\\[\"[0-9]+-[0-9]+\", \"[^\"]*\", ):[0-9]+")]
    private static partial Regex PendingIdle();
}
