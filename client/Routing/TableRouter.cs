using System.Collections.Concurrent;
using DataTier.Catalog;
using DataTier.Errors;
using DataTier.Partitions;
using DataTier.Tables;

namespace DataTier.Client.Routing;

/// <summary>
/// Finds the partition grain that owns a key: caches table descriptions (with their partition
/// maps) and refreshes one when a partition says the table it knew is gone.
/// </summary>
public sealed partial class TableRouter(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, TableDescription> _tables = new(StringComparer.Ordinal);

    // Grain references are resolved once per table: GetGrain reflects over the interface on every call.
    private readonly ConcurrentDictionary<(Guid, long), IPartitionGrain[]> _partitions = new();

    public ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    public async ValueTask<TableDescription> GetTableAsync(string name)
    {
        if (_tables.TryGetValue(name, out var cached)) return cached;
        var description = await Catalog.Describe(name) ?? throw DynamoException.TableNotFound();
        _tables[name] = description;
        return description;
    }

    public void Forget(string name)
    {
        if (!_tables.TryRemove(name, out var table)) return;
        _partitions.TryRemove((table.Id, table.Partitions.Version), out _);
        _replicaCounts.TryRemove(table.Id, out _);
    }

    public IPartitionGrain Partition(TableDescription table, int partition)
    {
        var key = (table.Id, table.Partitions.Version);
        if (!_partitions.TryGetValue(key, out var references))
        {
            references = Enumerable.Range(0, table.Partitions.Count)
                .Select(i => grains.GetGrain<IPartitionGrain>(table.PartitionGrainKey(i)))
                .ToArray();
            _partitions[key] = references;
        }
        return references[partition];
    }

    public IPartitionGrain PartitionOf(TableDescription table, ulong hash) => Partition(table, table.Partitions.PartitionOf(hash));

    /// <summary>Runs an operation against a table, once more with a fresh description if the cached one named a deleted table.</summary>
    public async Task<T> WithTableAsync<T>(string name, Func<TableDescription, Task<T>> operation)
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
    }
}
