namespace DataTier.Tests.Cache;

/// <summary>
/// Values of every type and Redis encoding for <see cref="DumpRestoreTests"/>: the commands that write key <c>k</c>, and
/// the reads of the restored key <c>k2</c> whose replies must be the same on both servers.
/// </summary>
public static class DumpRestoreCases
{
    public sealed record Case(string[][] Setup, string[][] Reads);

    private static readonly string[][] StringReads = [["GET", "k2"], ["STRLEN", "k2"], ["OBJECT", "ENCODING", "k2"], ["TYPE", "k2"]];
    private static readonly string[][] ListReads = [["LRANGE", "k2", "0", "-1"], ["LLEN", "k2"], ["OBJECT", "ENCODING", "k2"]];
    private static readonly string[][] SetReads = [["SMEMBERS", "k2"], ["SCARD", "k2"], ["OBJECT", "ENCODING", "k2"]];
    private static readonly string[][] SortedSetReads = [["ZRANGE", "k2", "0", "-1", "WITHSCORES"], ["ZCARD", "k2"], ["OBJECT", "ENCODING", "k2"]];
    private static readonly string[][] HashReads = [["HGETALL", "k2"], ["HLEN", "k2"], ["OBJECT", "ENCODING", "k2"]];
    private static readonly string[][] StreamReads =
        [["XRANGE", "k2", "-", "+"], ["XINFO", "STREAM", "k2", "FULL", "COUNT", "0"], ["XINFO", "GROUPS", "k2"], ["XPENDING", "k2", "g"], ["TYPE", "k2"]];

    /// <summary>Integers at each listpack and intset width boundary, and text that only looks like an integer.</summary>
    private static readonly string[] Numbers =
        ["0", "127", "128", "-1", "4095", "-4096", "4096", "32767", "-32768", "32768", "8388607", "-8388608", "8388608", "2147483647",
         "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775808", "007", "-0", "1.5"];

    public static readonly Dictionary<string, Case> All = new()
    {
        ["string"] = new([["SET", "k", "hello"]], StringReads),
        ["string-empty"] = new([["SET", "k", ""]], StringReads),
        ["string-int8"] = new([["SET", "k", "-100"]], StringReads),
        ["string-int16"] = new([["SET", "k", "30000"]], StringReads),
        ["string-int32"] = new([["SET", "k", "-2000000000"]], StringReads),
        ["string-int64"] = new([["SET", "k", "9223372036854775807"]], StringReads),
        ["string-not-canonical"] = new([["SET", "k", "0123"]], StringReads),
        ["string-compressible"] = new([["SET", "k", string.Concat(Enumerable.Repeat("abcdefgh", 40))]], StringReads),
        ["string-21-bytes"] = new([["SET", "k", "aaaaaaaaaaaaaaaaaaaaa"]], StringReads),
        ["string-incompressible"] = new([["SET", "k", RandomText(300, 1)]], StringReads),
        ["string-large"] = new([["SET", "k", string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('a' + i * 7 % 26)))]], StringReads),
        ["string-appended"] = new([["SET", "k", "12"], ["APPEND", "k", "3"]], StringReads),
        ["list-small"] = new([["RPUSH", "k", .. Numbers, "a", "", new string('x', 70)]], ListReads),
        ["list-large"] = new([["RPUSH", "k", .. Enumerable.Range(0, 3000).Select(i => i % 3 == 0 ? i.ToString() : RandomText(i % 97, i))]], ListReads),
        ["list-large-elements"] = new([["RPUSH", "k", .. Enumerable.Range(0, 20).Select(i => new string((char)('a' + i), 5000))]], ListReads),
        ["set-intset"] = new([["SADD", "k", "1", "-5", "70000", "5000000000", "-32768"]], SetReads),
        ["set-small-strings"] = new([["SADD", "k", "a", "b", "10", "-0"]], SetReads),
        ["set-large-integers"] = new([["SADD", "k", .. Enumerable.Range(0, 600).Select(i => (i * 31).ToString())]], SetReads),
        ["set-large-strings"] = new([["SADD", "k", .. Enumerable.Range(0, 700).Select(i => "m" + i)]], SetReads),
        ["zset-listpack"] = new([["ZADD", "k", "1", "a", "2.5", "b", "-inf", "c", "inf", "d", "1e20", "e", "-0", "f", "0.1", "g", "-3", "h",
            "123456789012", "i", "3.141592653589793", "j", "1e-300", "l", "100", "1"]], SortedSetReads),
        ["zset-skiplist"] = new([["ZADD", "k", .. Enumerable.Range(0, 200).SelectMany(i => new[] { (i * 0.37 - 20).ToString("R"), "m" + i })]], SortedSetReads),
        ["zset-long-member"] = new([["ZADD", "k", "1", "a", "2", new string('z', 80)]], SortedSetReads),
        ["hash-listpack"] = new([["HSET", "k", "f", "v", "n", "12", "neg", "-70000", "big", "9223372036854775807", "e", "", "1", "one"]], HashReads),
        ["hash-long-value"] = new([["HSET", "k", "f", new string('v', 100), "g", "1"]], HashReads),
        ["hash-large"] = new([["HSET", "k", .. Enumerable.Range(0, 600).SelectMany(i => new[] { "f" + i, i % 2 == 0 ? i.ToString() : "v" + i })]], HashReads),
        ["stream"] = new(
        [
            ["XADD", "k", "1-1", "a", "1", "b", "x"], ["XADD", "k", "1-2", "a", "2", "b", "y"], ["XADD", "k", "2-0", "other", "fields"],
            ["XADD", "k", "5-3", "a", "-70000", "b", ""],
        ], StreamReads),
        ["stream-many-nodes"] = new(
        [
            .. Enumerable.Range(1, 250).Select(i => new[] { "XADD", "k", $"{1000 + i / 3}-{i % 3}", "f", i.ToString(), i % 5 == 0 ? "extra" : "f2", RandomText(i % 30, i) }),
            ["XDEL", "k", "1001-0", "1050-2", "1083-1"], ["XGROUP", "CREATE", "k", "g", "0"], ["XGROUP", "CREATE", "k", "g2", "1040-0", "ENTRIESREAD", "3"],
            ["XREADGROUP", "GROUP", "g", "alice", "COUNT", "3", "STREAMS", "k", ">"], ["XREADGROUP", "GROUP", "g", "bob", "COUNT", "2", "STREAMS", "k", ">"],
            ["XACK", "k", "g", "1000-1"], ["XGROUP", "CREATECONSUMER", "k", "g", "carol"], ["XCLAIM", "k", "g", "bob", "0", "1000-2"],
        ], StreamReads),
        ["stream-trimmed-and-deleted"] = new(
        [
            .. Enumerable.Range(1, 30).Select(i => new[] { "XADD", "k", $"{i}-0", "n", i.ToString() }),
            ["XTRIM", "k", "MAXLEN", "20"], ["XDEL", "k", "30-0", "15-0"], ["XGROUP", "CREATE", "k", "g", "$"], ["XADD", "k", "31-0", "n", "31"],
            ["XREADGROUP", "GROUP", "g", "c", "STREAMS", "k", ">"],
        ], StreamReads),
        ["stream-empty-with-group"] = new(
        [
            ["XADD", "k", "7-7", "a", "b"], ["XDEL", "k", "7-7"], ["XGROUP", "CREATE", "k", "g", "0"], ["XSETID", "k", "9-0", "ENTRIESADDED", "5", "MAXDELETEDID", "8-0"],
        ], StreamReads),
    };

    private static string RandomText(int length, int seed)
    {
        var random = new Random(seed);
        return new string(Enumerable.Range(0, length).Select(_ => (char)random.Next('!', '~' + 1)).ToArray());
    }
}
