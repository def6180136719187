using System.Collections.Concurrent;
using DataTier.Catalog;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// The tags of tables, for <c>aws:ResourceTag</c>, as the catalog holds them with each table's description, kept here
/// for <see cref="MaxAge"/> so that authorizing a request costs no grain call: a change made through this silo's
/// endpoint is seen by the next request (<see cref="Forget"/>), one made through another silo within
/// <see cref="MaxAge"/>, as AWS's own tag changes take a moment to apply. Tables that do not exist are not kept.
/// </summary>
public sealed class TableTags(IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, string> Tags, DateTimeOffset Read)> _tables = new(StringComparer.Ordinal);

    // Forget counts here: tags read while a table's were forgotten may be the old ones, and are not kept.
    private long _forgets;

    /// <summary>The tags of each of <paramref name="tables"/> (nulls skipped); none for a table that does not exist.</summary>
    public async ValueTask<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> OfAsync(IEnumerable<string?> tables)
    {
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var table in tables)
            if (table is not null && !tags.ContainsKey(table)) tags[table] = await OfAsync(table);
        return tags;
    }

    public async ValueTask<IReadOnlyDictionary<string, string>> OfAsync(string table)
    {
        var now = time.GetUtcNow();
        if (_tables.TryGetValue(table, out var kept) && now - kept.Read < MaxAge) return kept.Tags;
        var forgets = Interlocked.Read(ref _forgets);
        var description = await grains.GetGrain<ITableCatalogGrain>(0).Describe(table);
        if (description is not { BaseTableName: null })
        {
            _tables.TryRemove(table, out _);
            return NoTags;
        }
        if (Interlocked.Read(ref _forgets) == forgets) _tables[table] = (description.Tags, now);
        return description.Tags;
    }

    /// <summary>The table's tags changed (or the table did): the next request reads them afresh.</summary>
    public void Forget(string table)
    {
        Interlocked.Increment(ref _forgets);
        _tables.TryRemove(table, out _);
    }
}
