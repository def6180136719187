using DataTier.Backups;
using DataTier.Catalog;
using DataTier.Client;
using DataTier.Errors;
using DataTier.Store;
using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>
/// Makes a new table of items kept in the store under an id of their own (a backup's, or a point-in-time
/// image's): the source's keys and indexes, every item put through the table client (so local indexes,
/// global index feeds, counts and partition splits are handled as for any write), then the source's billing
/// mode and throughput, any of them overridden by the restore's Override parameters. As in DynamoDB, tags,
/// streams, time to live, auto scaling and recovery are not restored.
/// </summary>
public sealed class TableRestorer(IGrainFactory grains, ITableClient tables, ITableStore store)
{
    private const int PageSize = 1000;
    private const int ParallelRestoreWrites = 16;

    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    /// <summary>
    /// The source's shape with a restore's Override parameters applied: BillingModeOverride,
    /// ProvisionedThroughputOverride, OnDemandThroughputOverride, and GlobalSecondaryIndexOverride and LocalSecondaryIndexOverride, which
    /// give the restored table's indexes in place of the source's (keyed on the source's attributes).
    /// SSESpecificationOverride is refused: tables here are not encrypted at rest by the project.
    /// </summary>
    public static TableDescription WithOverrides(ApiRequest r, TableDescription source)
    {
        if (r.Member("SSESpecificationOverride") is not null)
            throw DynamoException.Validation("SSESpecificationOverride is not supported here: tables are not encrypted by the project");
        var billing = r.Enum<BillingMode>("BillingModeOverride", "billingModeOverride");
        var throughput = r.Object("ProvisionedThroughputOverride") is { } t ? ReadUnits(r, new ApiRequest(t)) : null;
        var onDemand = CapacitySettingsJson.ReadOnDemand(r, "OnDemandThroughputOverride");
        r.ThrowIfInvalid();
        var globals = IndexOverride(r, "GlobalSecondaryIndexOverride", global: true);
        var locals = IndexOverride(r, "LocalSecondaryIndexOverride", global: false);
        var mode = billing ?? source.BillingMode;
        if (mode == BillingMode.PAY_PER_REQUEST && throughput is not null)
            throw DynamoException.Validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        var (read, write) = mode == BillingMode.PAY_PER_REQUEST ? (0L, 0L)
            : throughput ?? (source.BillingMode == BillingMode.PROVISIONED ? (source.ReadCapacityUnits, source.WriteCapacityUnits)
                : throw DynamoException.Validation("One or more parameter values were invalid: ProvisionedThroughputOverride must be specified when restoring an on-demand table as PROVISIONED"));
        if (onDemand is not null && mode == BillingMode.PROVISIONED)
            throw DynamoException.Validation("One or more parameter values were invalid: OnDemandThroughputOverride can be specified only when BillingMode is PAY_PER_REQUEST");
        if (onDemand is { MaxReadRequestUnits: 0 or < -1 } or { MaxWriteRequestUnits: 0 or < -1 })
            throw DynamoException.Validation("One or more parameter values were invalid: MaxReadRequestUnits and MaxWriteRequestUnits must be at least 1, or -1 for no maximum");
        var definitions = source.AttributeDefinitions;
        return source with
        {
            BillingMode = mode,
            OnDemandThroughput = source.OnDemandThroughput.With(onDemand),
            ReadCapacityUnits = read,
            WriteCapacityUnits = write,
            LocalIndexes = locals is null ? source.LocalIndexes
                : [.. locals.Select(i => new LocalSecondaryIndex { Name = i.Name, KeySchema = IndexJson.Keys(i, definitions), Projection = IndexJson.Projection(i) })],
            GlobalIndexes = globals is null
                ? [.. source.GlobalIndexes.Select(i => mode == BillingMode.PAY_PER_REQUEST ? i with { ReadCapacityUnits = 0, WriteCapacityUnits = 0 } : i)]
                : [.. globals.Select(i => IndexJson.Global(i, definitions) with
                {
                    ReadCapacityUnits = mode == BillingMode.PAY_PER_REQUEST ? 0 : i.Throughput?.Read ?? read,
                    WriteCapacityUnits = mode == BillingMode.PAY_PER_REQUEST ? 0 : i.Throughput?.Write ?? write,
                    OnDemandThroughput = OnDemandThroughput.None.With(i.OnDemand),
                })],
        };
    }

    /// <summary>An index override; an empty list restores the table without indexes of that kind.</summary>
    private static List<IndexJson.RawIndex>? IndexOverride(ApiRequest r, string member, bool global) =>
        r.Array(member) is { } list && list.GetArrayLength() == 0 ? [] : IndexJson.Read(r, member, global);

    private static (long Read, long Write)? ReadUnits(ApiRequest errors, ApiRequest units)
    {
        var read = units.Long("ReadCapacityUnits");
        var write = units.Long("WriteCapacityUnits");
        foreach (var (value, name) in new[] { (write, "writeCapacityUnits"), (read, "readCapacityUnits") })
            if (value is null) errors.Required<object>(null, "provisionedThroughputOverride." + name);
            else if (value < 1) errors.Invalid("provisionedThroughputOverride." + name, value, "Member must have value greater than or equal to 1");
        return read is null || write is null ? null : (read.Value, write.Value);
    }

    public async Task EnsureAbsentAsync(string target)
    {
        if (await Catalog.Describe(target) is not null)
            throw new DynamoException(DynamoErrorCode.TableAlreadyExistsException, $"Table already exists: {target}");
    }

    /// <summary>Makes table <paramref name="target"/> of the items under <paramref name="dataId"/>, in the shape of <paramref name="source"/> (its overrides applied).</summary>
    public async Task<TableDescription> RestoreAsync(TableDescription source, Guid dataId, string target, RestoreSummary summary)
    {
        await EnsureAbsentAsync(target);
        // Created on demand, so that copying the items is never throttled; FinishRestore gives it the source's capacity.
        await Catalog.Create(new TableDefinition
        {
            Name = target,
            KeySchema = source.KeySchema,
            AttributeDefinitions = source.AttributeDefinitions,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            LocalIndexes = source.LocalIndexes,
            GlobalIndexes = [.. source.GlobalIndexes.Select(i => i with { OnDemandThroughput = OnDemandThroughput.None })],
        });
        try
        {
            await foreach (var page in store.PagesAsync(dataId, KeyRange.All, PageSize))
                await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = ParallelRestoreWrites }, async (item, _) =>
                    await tables.PutItemAsync(new Client.Requests.PutItemRequest { TableName = target, Item = item.Attributes }));
        }
        catch
        {
            // A restore that did not finish leaves no half-filled table behind.
            await Catalog.Delete(target);
            throw;
        }
        return await Catalog.FinishRestore(target, source, summary);
    }
}
