using DataTier.Placement;
using Xunit;

namespace DataTier.Tests.Placement;

public class ConsistentHashRingTests
{
    private static readonly string[] Keys = Enumerable.Range(0, 20_000).Select(i => $"partition/{Guid.NewGuid():N}/{i}").ToArray();

    private static ConsistentHashRing<string> Ring(int silos) =>
        new(Enumerable.Range(1, silos).Select(i => $"127.0.0.1:{11110 + i}"), s => s);

    [Fact]
    public void Placement_is_deterministic_and_independent_of_silo_order()
    {
        var a = Ring(3);
        var b = new ConsistentHashRing<string>(new[] { "127.0.0.1:11113", "127.0.0.1:11111", "127.0.0.1:11112" }, s => s);
        Assert.All(Keys.Take(2000), k => Assert.Equal(a.OwnerOf(k), b.OwnerOf(k)));
    }

    [Fact]
    public void Keys_spread_evenly()
    {
        var ring = Ring(4);
        var counts = Keys.GroupBy(ring.OwnerOf).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, Keys.Length / 4 * 0.75, Keys.Length / 4 * 1.25));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Adding_the_nth_silo_moves_about_one_nth_of_the_keys_and_only_to_it(int before)
    {
        var old = Ring(before);
        var grown = Ring(before + 1);
        var newcomer = $"127.0.0.1:{11110 + before + 1}";
        var moved = Keys.Where(k => old.OwnerOf(k) != grown.OwnerOf(k)).ToList();
        Assert.All(moved, k => Assert.Equal(newcomer, grown.OwnerOf(k)));
        var share = (double)moved.Count / Keys.Length;
        var ideal = 1.0 / (before + 1);
        Assert.InRange(share, ideal * 0.7, ideal * 1.3);
    }

    [Fact]
    public void Removing_a_silo_moves_only_its_keys()
    {
        var full = Ring(4);
        var shrunk = new ConsistentHashRing<string>(new[] { "127.0.0.1:11111", "127.0.0.1:11112", "127.0.0.1:11114" }, s => s);
        Assert.All(Keys.Where(k => full.OwnerOf(k) != "127.0.0.1:11113"), k => Assert.Equal(full.OwnerOf(k), shrunk.OwnerOf(k)));
    }

    [Fact]
    public void Ranks_name_distinct_silos_following_the_owner()
    {
        var ring = Ring(5);
        foreach (var key in Keys.Take(2000))
        {
            var places = Enumerable.Range(0, 5).Select(r => ring.OwnerOf(key, r)).ToList();
            Assert.Equal(ring.OwnerOf(key), places[0]);
            Assert.Equal(5, places.Distinct().Count());
        }
    }

    [Fact]
    public void Ranks_wrap_around_a_ring_of_fewer_silos()
    {
        var ring = Ring(2);
        Assert.All(Keys.Take(500), k =>
        {
            Assert.NotEqual(ring.OwnerOf(k, 0), ring.OwnerOf(k, 1));
            Assert.Equal(ring.OwnerOf(k, 0), ring.OwnerOf(k, 2));
        });
    }

    [Fact]
    public void A_leaving_silo_moves_a_replica_only_if_it_held_one_of_the_places_up_to_that_rank()
    {
        var full = Ring(4);
        var shrunk = new ConsistentHashRing<string>(new[] { "127.0.0.1:11111", "127.0.0.1:11112", "127.0.0.1:11114" }, s => s);
        foreach (var key in Keys.Take(2000))
        {
            var places = Enumerable.Range(0, 2).Select(r => full.OwnerOf(key, r)).ToList();
            if (!places.Contains("127.0.0.1:11113")) Assert.Equal(places[1], shrunk.OwnerOf(key, 1));
        }
    }
}
