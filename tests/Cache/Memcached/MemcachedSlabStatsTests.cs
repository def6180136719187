using DataTier.Tests.Wire;
using Xunit;

namespace DataTier.Tests.Cache.Memcached;

/// <summary><c>stats items</c> and <c>stats slabs</c>, against a real memcached holding the same items.</summary>
[Collection("wire")]
public class MemcachedSlabStatsTests(SiloFixture fixture)
{
    /// <summary>Key, flags and value length: small items of several classes, one just under the largest chunk and one chunked.</summary>
    private static readonly (string Key, int Flags, int Length)[] Items =
    [
        ("a", 0, 1), ("b", 0, 1), ("cc", 5, 10), ("d", 0, 100), (new string('e', 50), 1, 1000), ("f", 0, 5000), ("g", 0, 100_000),
        ("h", 0, 450_000), ("i", 7, 600_000),
    ];

    [Fact]
    public async Task Items_are_counted_in_memcached_s_slab_classes_with_its_sizes_and_names()
    {
        using var memcached = await MemcachedServerProcess.StartAsync();
        using var theirs = new MemcachedTextClient(memcached.Port);
        using var ours = new MemcachedTextClient(fixture.Silo.MemcachedPort);
        Assert.Equal("OK", ours.Call("flush_all\r\n"));
        foreach (var client in new[] { theirs, ours })
            foreach (var (key, flags, length) in Items)
                Assert.Equal("STORED", client.Call($"set {key} {flags} 0 {length}\r\n{new string('v', length)}\r\n"));

        var theirItems = Stats(theirs, "stats items");
        var ourItems = Stats(ours, "stats items");
        Assert.Equal(Pick(theirItems, "number", "mem_requested"), Pick(ourItems, "number", "mem_requested"));
        AssertNamesInOrder(theirItems, ourItems);
        Assert.All(ourItems.Where(s => s.Name.EndsWith(":age", StringComparison.Ordinal)), s => Assert.InRange(long.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture), 0, 60));

        var theirSlabs = Stats(theirs, "stats slabs");
        var ourSlabs = Stats(ours, "stats slabs");
        Assert.Equal(Pick(theirSlabs, "chunk_size", "chunks_per_page", "used_chunks", "active_slabs"), Pick(ourSlabs, "chunk_size", "chunks_per_page", "used_chunks", "active_slabs"));
        AssertNamesInOrder(theirSlabs, ourSlabs);

        Assert.Equal("OK", ours.Call("flush_all\r\n"));
        Assert.Empty(Stats(ours, "stats items"));
        Assert.Equal([("active_slabs", "0")], Stats(ours, "stats slabs"));
    }

    /// <summary>The statistics named by one of the fields (the part after the class), in their order, as one string.</summary>
    private static string Pick(List<(string Name, string Value)> stats, params string[] fields) =>
        string.Join(" ", stats.Where(s => fields.Contains(s.Name.Split(':')[^1])).Select(s => $"{s.Name}={s.Value}"));

    /// <summary>Ours are memcached's names, in memcached's order (some of its left out), and each class answered is one it answers.</summary>
    private static void AssertNamesInOrder(List<(string Name, string Value)> theirs, List<(string Name, string Value)> ours)
    {
        var position = 0;
        foreach (var (name, _) in ours)
        {
            var found = theirs.FindIndex(position, s => s.Name == name);
            Assert.True(found >= 0, $"{name} is not memcached's, or not in its order");
            position = found + 1;
        }
    }

    private static List<(string Name, string Value)> Stats(MemcachedTextClient client, string command) =>
        [.. client.Retrieve(command + "\r\n").Select(line => line.Split(' ', 3)).Select(parts => (parts[1], parts[2]))];
}
