namespace DataTier.Tests.Cache;

/// <summary>Keys chosen by the shard the cache puts them on.</summary>
public static class ShardKeys
{
    /// <summary>Two fresh keys that land on different shards.</summary>
    public static (string, string) OnTwoShards(string prefix)
    {
        var first = $"{prefix}-{Guid.NewGuid():N}";
        var shard = DataTier.Cache.CacheRouter.ShardOf(System.Text.Encoding.UTF8.GetBytes(first));
        for (var i = 0; ; i++)
        {
            var other = $"{prefix}-{i}-{Guid.NewGuid():N}";
            if (DataTier.Cache.CacheRouter.ShardOf(System.Text.Encoding.UTF8.GetBytes(other)) != shard) return (first, other);
        }
    }

    /// <summary>Three fresh keys on three different shards.</summary>
    public static string[] OnThreeShards(string prefix)
    {
        var (first, second) = OnTwoShards(prefix);
        var taken = new[] { first, second }.Select(k => DataTier.Cache.CacheRouter.ShardOf(System.Text.Encoding.UTF8.GetBytes(k))).ToHashSet();
        for (var i = 0; ; i++)
        {
            var third = $"{prefix}-x{i}-{Guid.NewGuid():N}";
            if (!taken.Contains(DataTier.Cache.CacheRouter.ShardOf(System.Text.Encoding.UTF8.GetBytes(third)))) return [first, second, third];
        }
    }
}
