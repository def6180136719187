using System.Collections.Concurrent;
using DataTier.Catalog;
using DataTier.Errors;
using DataTier.Partitions;
using DataTier.Tables;

namespace DataTier.Client.Routing;

/// <summary>
/// Finds the partition grain that owns a key: caches table descriptions (with their partition
/// maps) and refreshes one when a partition says the table it knew is gone, or that it was split
/// (<see cref="PartitionRetiredException"/>, the stale-map signal). Inside a silo it is given the
/// silo's <see cref="LocalPartitions"/>, and reads an item of a partition active there without a grain call.
/// </summary>
public sealed partial class TableRouter(IGrainFactory grains, LocalPartitions? local = null)
{
    /// <summary>How long a request keeps being routed again while a partition it meets is being split.</summary>
    private static readonly TimeSpan SplitRetryDeadline = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, TableDescription> _tables = new(StringComparer.Ordinal);

    // Grain references are resolved once per map version: GetGrain reflects over the interface on every call.
    private readonly ConcurrentDictionary<(Guid, long), IPartitionGrain[]> _partitions = new();

    public ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    public async ValueTask<TableDescription> GetTableAsync(string name)
    {
        if (_tables.TryGetValue(name, out var cached)) return cached;
        var description = await Catalog.Describe(name) ?? throw DynamoException.TableNotFound();
        _tables[name] = description;
        return description;
    }

    /// <summary>The cached description of a table, without asking the catalog.</summary>
    public bool TryGetKnownTable(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TableDescription table) =>
        _tables.TryGetValue(name, out table);

    public void Forget(string name)
    {
        if (!_tables.TryRemove(name, out var table)) return;
        _partitions.TryRemove((table.Id, table.Partitions.Version), out _);
        _replicaCounts.TryRemove(table.Id, out _);
    }

    /// <summary>Forgets the cached description of the table (or index table) with this id.</summary>
    public void Forget(Guid tableId)
    {
        foreach (var (name, table) in _tables)
            if (table.Id == tableId) Forget(name);
    }

    /// <summary>The partition at <paramref name="index"/> of the table's map.</summary>
    public IPartitionGrain Partition(TableDescription table, int index)
    {
        var key = (table.Id, table.Partitions.Version);
        if (!_partitions.TryGetValue(key, out var references))
        {
            references = table.Partitions.CurrentIds
                .Select(id => grains.GetGrain<IPartitionGrain>(table.PartitionGrainKey(id)))
                .ToArray();
            _partitions[key] = references;
        }
        return references[index];
    }

    /// <summary>How often a call rejected by a stopping or lost silo is sent again (after 100, 200, 400 ms).</summary>
    private const int MaxRejectionRetries = 3;

    public IPartitionGrain PartitionOf(TableDescription table, ulong hash) => Partition(table, table.Partitions.PartitionOf(hash));

    /// <summary>
    /// Runs an operation against a table, again with a fresh description if the cached one named a
    /// deleted table (once) or a partition that was split (until the new map is in place).
    /// </summary>
    public Task<T> WithTableAsync<T>(string name, Func<TableDescription, Task<T>> operation) =>
        RetryOnSplitAsync(async () =>
        {
            var table = await GetTableAsync(name);
            try
            {
                return await operation(table);
            }
            catch (DynamoException e) when (e.Code == DynamoErrorCode.ResourceNotFoundException)
            {
                Forget(name);
                return await operation(await GetTableAsync(name));
            }
        });

    /// <summary>
    /// Runs <paramref name="attempt"/> again, after forgetting the stale map, whenever it meets a split
    /// partition; and a few times when Orleans rejects the call because the partition's silo is stopping
    /// or gone (a partition moving off a leaving silo), as an AWS SDK retries a 5xx answer.
    /// </summary>
    public async Task<T> RetryOnSplitAsync<T>(Func<Task<T>> attempt)
    {
        var deadline = DateTime.UtcNow + SplitRetryDeadline;
        var delay = TimeSpan.FromMilliseconds(2);
        var rejections = 0;
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (OrleansMessageRejectionException) when (++rejections <= MaxRejectionRetries)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 << rejections));
            }
            catch (PartitionRetiredException e) when (DateTime.UtcNow < deadline)
            {
                Forget(e.TableId);
                // The catalog commits the map right after fencing: the first retry usually finds it.
                await Task.Delay(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(200).Ticks));
            }
        }
    }
}
