using StackExchange.Redis;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// HSCAN, SSCAN and ZSCAN page through large (hash-table-encoded) collections as Redis does, against a redis-server in the
/// same run: many pages of about COUNT members, every member once across them, and every member present for the whole
/// scan returned even while the collection changes between pages.
/// </summary>
[Collection("cache-wire")]
public sealed class CollectionScanTests(CacheSiloFixture fixture)
{
    private const int Members = 1000;

    public static TheoryData<string> Types => ["hash", "set", "zset"];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task A_large_collection_is_paged_by_count_and_each_member_is_returned_once(string type)
    {
        foreach (var port in new[] { fixture.RespPort, fixture.Redis.Port })
        {
            using var redis = Connect(port);
            var db = redis.GetDatabase();
            var key = "scan:" + type;
            await db.KeyDeleteAsync(key);
            await FillAsync(db, type, key, Enumerable.Range(0, Members).Select(i => "m" + i));
            var pages = await ScanAsync(db, type, key, count: 10);
            Assert.InRange(pages.Count, Members / 40, Members);
            var all = pages.SelectMany(p => p).ToList();
            Assert.Equal(Members, all.Count);
            Assert.Equal(Enumerable.Range(0, Members).Select(i => "m" + i).Order(), all.Order());
            Assert.All(pages, p => Assert.True(p.Count <= 40, $"a page of {p.Count} on port {port}"));
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task The_page_order_of_a_scan_under_way_counts_against_memory_until_the_scan_ends(string type)
    {
        using var redis = Connect(fixture.RespPort);
        var db = redis.GetDatabase();
        var key = "scan:memory:" + type;
        await db.KeyDeleteAsync(key);
        await FillAsync(db, type, key, Enumerable.Range(0, Members).Select(i => "m" + i));
        var before = (long)await db.ExecuteAsync("MEMORY", "USAGE", key);
        var (cursor, _) = await PageAsync(db, type, key, "0", 10, null);
        var during = (long)await db.ExecuteAsync("MEMORY", "USAGE", key);
        Assert.InRange(during - before, 12 * Members, 12 * Members + 100);
        while (cursor != "0") (cursor, _) = await PageAsync(db, type, key, cursor, 100, null);
        Assert.Equal(before, (long)await db.ExecuteAsync("MEMORY", "USAGE", key));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task A_member_present_for_the_whole_scan_is_returned_however_the_collection_changes(string type)
    {
        using var redis = Connect(fixture.RespPort);
        var db = redis.GetDatabase();
        var key = "scan:changing:" + type;
        await db.KeyDeleteAsync(key);
        await FillAsync(db, type, key, Enumerable.Range(0, Members).Select(i => "m" + i));
        var removed = new HashSet<string>();
        var seen = new HashSet<string>();
        var cursor = "0";
        var added = 0;
        do
        {
            var (next, page) = await PageAsync(db, type, key, cursor, 25, null);
            seen.UnionWith(page);
            cursor = next;
            // Between pages: remove a few members, add many (so the order is rebuilt), as other clients would.
            foreach (var i in Enumerable.Range(0, 3).Select(_ => Random.Shared.Next(Members)))
                if (removed.Add("m" + i)) await RemoveAsync(db, type, key, "m" + i);
            await FillAsync(db, type, key, Enumerable.Range(added, 20).Select(i => "new" + i));
            added += 20;
        } while (cursor != "0");
        var kept = Enumerable.Range(0, Members).Select(i => "m" + i).Where(m => !removed.Contains(m));
        var missed = kept.Where(m => !seen.Contains(m)).ToList();
        Assert.True(missed.Count == 0, "missed " + string.Join(", ", missed));
    }

    [Fact]
    public async Task Match_filters_each_page_and_the_pages_together_return_every_match()
    {
        using var redis = Connect(fixture.RespPort);
        var db = redis.GetDatabase();
        const string key = "scan:match";
        await db.KeyDeleteAsync(key);
        await FillAsync(db, "hash", key, Enumerable.Range(0, Members).Select(i => "m" + i));
        var matched = new List<string>();
        var cursor = "0";
        var pages = 0;
        do
        {
            var (next, page) = await PageAsync(db, "hash", key, cursor, 50, "m1*");
            matched.AddRange(page);
            cursor = next;
            pages++;
        } while (cursor != "0");
        Assert.True(pages > 5);
        Assert.Equal(Enumerable.Range(0, Members).Select(i => "m" + i).Where(m => m.StartsWith("m1", StringComparison.Ordinal)).Order(), matched.Order());
    }

    [Fact]
    public async Task A_hash_score_or_value_is_returned_beside_its_member()
    {
        using var redis = Connect(fixture.RespPort);
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync(["scan:pairs:h", "scan:pairs:z"]);
        await db.HashSetAsync("scan:pairs:h", Enumerable.Range(0, Members).Select(i => new HashEntry("f" + i, "v" + i)).ToArray());
        await db.SortedSetAddAsync("scan:pairs:z", Enumerable.Range(0, Members).Select(i => new SortedSetEntry("m" + i, i + 0.5)).ToArray());
        var reply = (RedisResult[])(await db.ExecuteAsync("HSCAN", "scan:pairs:h", "0", "COUNT", "100"))!;
        var pairs = (RedisResult[])reply[1]!;
        Assert.NotEqual("0", (string?)reply[0]);
        for (var i = 0; i < pairs.Length; i += 2) Assert.Equal("v" + ((string)pairs[i]!)[1..], (string?)pairs[i + 1]);
        reply = (RedisResult[])(await db.ExecuteAsync("ZSCAN", "scan:pairs:z", "0", "COUNT", "100"))!;
        pairs = (RedisResult[])reply[1]!;
        for (var i = 0; i < pairs.Length; i += 2) Assert.Equal(((string)pairs[i]!)[1..] + ".5", (string?)pairs[i + 1]);
    }

    private static ConnectionMultiplexer Connect(int port) =>
        ConnectionMultiplexer.Connect($"127.0.0.1:{port},abortConnect=true,connectTimeout=15000,syncTimeout=15000");

    private static async Task FillAsync(IDatabase db, string type, string key, IEnumerable<string> members)
    {
        var list = members.ToArray();
        switch (type)
        {
            case "hash": await db.HashSetAsync(key, list.Select(m => new HashEntry(m, "v")).ToArray()); break;
            case "set": await db.SetAddAsync(key, list.Select(m => (RedisValue)m).ToArray()); break;
            default: await db.SortedSetAddAsync(key, list.Select((m, i) => new SortedSetEntry(m, i)).ToArray()); break;
        }
    }

    private static async Task RemoveAsync(IDatabase db, string type, string key, string member)
    {
        switch (type)
        {
            case "hash": await db.HashDeleteAsync(key, member); break;
            case "set": await db.SetRemoveAsync(key, member); break;
            default: await db.SortedSetRemoveAsync(key, member); break;
        }
    }

    private static async Task<List<List<string>>> ScanAsync(IDatabase db, string type, string key, int count)
    {
        var pages = new List<List<string>>();
        var cursor = "0";
        do
        {
            var (next, page) = await PageAsync(db, type, key, cursor, count, null);
            pages.Add(page);
            cursor = next;
        } while (cursor != "0");
        return pages;
    }

    private static async Task<(string Next, List<string> Members)> PageAsync(IDatabase db, string type, string key, string cursor, int count, string? match)
    {
        var command = type switch { "hash" => "HSCAN", "set" => "SSCAN", _ => "ZSCAN" };
        object[] args = match is null ? [key, cursor, "COUNT", count] : [key, cursor, "MATCH", match, "COUNT", count];
        var reply = (RedisResult[])(await db.ExecuteAsync(command, args))!;
        var items = ((RedisResult[])reply[1]!).Select(r => (string)r!).ToList();
        var members = type == "set" ? items : items.Where((_, i) => i % 2 == 0).ToList();
        return ((string)reply[0]!, members);
    }
}
