namespace DataTier.Cache.Commands;

/// <summary>The values of the keys (and hash fields) SORT's patterns name, read from their shards with one command per shard.</summary>
public sealed class SortLookups
{
    private readonly Dictionary<string, byte[]?> _values = new(StringComparer.Ordinal);

    private static string Name(byte[] key, byte[]? field) => Convert.ToBase64String(key) + ":" + (field is null ? "" : Convert.ToBase64String(field));

    public byte[]? Read(byte[] key, byte[]? field) => _values.GetValueOrDefault(Name(key, field));

    /// <summary>Reads what the patterns name for the elements, each shard's keys in one <see cref="CommandId.SortPatternValues"/>.</summary>
    public async Task FetchAsync(IEnumerable<byte[]> patterns, IEnumerable<byte[]> elements, Func<int, ShardCommand, ValueTask<CacheReply>> execute)
    {
        var targets = new Dictionary<string, (byte[] Key, byte[]? Field)>(StringComparer.Ordinal);
        foreach (var element in elements)
            foreach (var pattern in patterns)
                if (!SortPattern.IsElement(pattern) && SortPattern.Target(pattern, element) is { } target)
                    targets.TryAdd(Name(target.Key, target.Field), target);
        var byShard = targets.Values.GroupBy(t => CacheRouter.ShardOf(t.Key)).ToList();
        var replies = await Task.WhenAll(byShard.Select(shard =>
        {
            byte[][] args = ["SORTPATTERNVALUES"u8.ToArray(), .. shard.SelectMany(t => new[] { t.Key, t.Field ?? [] })];
            return execute(shard.Key, new ShardCommand(CommandId.SortPatternValues, args)).AsTask();
        }));
        for (var s = 0; s < byShard.Count; s++)
        {
            var i = 0;
            foreach (var (key, field) in byShard[s]) _values[Name(key, field)] = replies[s].Items![i++].Bytes;
        }
    }
}
