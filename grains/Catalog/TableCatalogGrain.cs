using System.Text.Json;
using DataTier.Configuration;
using DataTier.Errors;
using DataTier.Partitions;
using DataTier.Store;
using DataTier.Tables;
using Microsoft.Extensions.Options;

namespace DataTier.Catalog;

public sealed class TableCatalogGrain(ITableStore store, IOptions<PartitionOptions> partitionOptions, TimeProvider clock)
    : Grain, ITableCatalogGrain
{
    private readonly SortedDictionary<string, TableDescription> _tables = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, bytes) in await store.ReadCatalogAsync())
            _tables[name] = JsonSerializer.Deserialize<TableDescription>(bytes)!;
    }

    public async Task<TableDescription> Create(TableDefinition definition)
    {
        if (_tables.ContainsKey(definition.Name))
            throw new DynamoException(DynamoErrorCode.ResourceInUseException, $"Table already exists: {definition.Name}");
        var description = new TableDescription
        {
            Name = definition.Name,
            Id = Guid.NewGuid(),
            KeySchema = definition.KeySchema,
            AttributeDefinitions = definition.AttributeDefinitions,
            BillingMode = definition.BillingMode,
            ReadCapacityUnits = definition.ReadCapacityUnits,
            WriteCapacityUnits = definition.WriteCapacityUnits,
            CreationTime = clock.GetUtcNow(),
            Status = TableStatus.ACTIVE,
            Partitions = PartitionMap.Uniform(partitionOptions.Value.InitialPartitionsPerTable),
            BillingModeChangedTime = definition.BillingMode == BillingMode.PAY_PER_REQUEST ? clock.GetUtcNow() : null,
        };
        await store.PutCatalogEntryAsync(description.Name, JsonSerializer.SerializeToUtf8Bytes(description));
        _tables[description.Name] = description;
        return description;
    }

    public Task<TableDescription?> Describe(string name) =>
        Task.FromResult(_tables.TryGetValue(name, out var description) ? description : null);

    public Task<TableDescription?> DescribeById(Guid id) =>
        Task.FromResult(_tables.Values.FirstOrDefault(t => t.Id == id));

    public Task<TableListPage> List(string? exclusiveStartTableName, int limit)
    {
        var names = _tables.Keys
            .Where(n => exclusiveStartTableName is null || string.CompareOrdinal(n, exclusiveStartTableName) > 0)
            .Take(limit + 1)
            .ToList();
        var more = names.Count > limit;
        if (more) names.RemoveAt(limit);
        return Task.FromResult(new TableListPage(names, more ? names[^1] : null));
    }

    public async Task<TableDescription> Delete(string name)
    {
        if (!_tables.TryGetValue(name, out var description))
            throw new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Table: {name} not found");
        await store.PutCatalogEntryAsync(name, null);
        _tables.Remove(name);
        for (var i = 0; i < description.Partitions.Count; i++)
            await GrainFactory.GetGrain<IPartitionGrain>(description.PartitionGrainKey(i)).Drop();
        await store.DeleteTableDataAsync(description.Id);
        return description with { Status = TableStatus.DELETING };
    }
}
