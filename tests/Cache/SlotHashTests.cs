using System.Text;
using DataTier.Cache;
using Xunit;

namespace DataTier.Tests.Cache;

public sealed class CacheSlotHashTests
{
    [Theory]
    [InlineData("123456789", 0x31C3)]
    [InlineData("", 0)]
    public void Crc16_is_xmodem(string text, int expected) => Assert.Equal(expected, SlotHash.Crc16(Encoding.ASCII.GetBytes(text)));

    [Theory]
    [InlineData("foo", 12182)]
    [InlineData("bar", 5061)]
    [InlineData("{user1000}.following", 3443)]
    [InlineData("{user1000}.followers", 3443)]
    [InlineData("foo{}{bar}", 8363)]
    [InlineData("foo{{bar}}zap", 4015)]
    [InlineData("foo{bar}{zap}", 5061)]
    public void Slots_match_redis_cluster(string key, int slot) => Assert.Equal(slot, SlotHash.SlotOf(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public void Slots_are_cut_into_equal_shard_ranges()
    {
        Assert.Equal(CacheSlots.SlotCount, CacheSlots.ShardCount * CacheSlots.SlotsPerShard);
        Assert.Equal(0, CacheSlots.ShardOf(0));
        Assert.Equal(CacheSlots.ShardCount - 1, CacheSlots.ShardOf(CacheSlots.SlotCount - 1));
        Assert.Equal(1, CacheSlots.ShardOf(CacheSlots.FirstSlot(1)));
        Assert.Equal(0, CacheSlots.ShardOf(CacheSlots.LastSlot(0)));
    }

    [Theory]
    [InlineData("h?llo", "hello", true)]
    [InlineData("h*llo", "heeeello", true)]
    [InlineData("h[ae]llo", "hillo", false)]
    [InlineData("h[^e]llo", "hallo", true)]
    [InlineData("h[a-b]llo", "hbllo", true)]
    [InlineData("h\\*llo", "h*llo", true)]
    [InlineData("h\\*llo", "hello", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    public void Glob_patterns_match_as_in_redis(string pattern, string text, bool matches) =>
        Assert.Equal(matches, GlobPattern.IsMatch(Encoding.UTF8.GetBytes(pattern), Encoding.UTF8.GetBytes(text)));
}
