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
/// mode and throughput. As in DynamoDB, tags, streams, time to live, auto scaling and recovery are not restored.
/// </summary>
public sealed class TableRestorer(IGrainFactory grains, ITableClient tables, ITableStore store)
{
    private const int PageSize = 1000;
    private const int ParallelRestoreWrites = 16;

    private ITableCatalogGrain Catalog => grains.GetGrain<ITableCatalogGrain>(0);

    /// <summary>The restores' Override parameters are not served: the table is restored as its source was.</summary>
    public static void RefuseOverrides(ApiRequest r)
    {
        foreach (var member in (string[])["BillingModeOverride", "ProvisionedThroughputOverride", "GlobalSecondaryIndexOverride", "LocalSecondaryIndexOverride", "SSESpecificationOverride"])
            if (r.Member(member) is not null) throw DynamoException.Validation($"{member} is not supported here: the table is restored as its source was");
    }

    public async Task EnsureAbsentAsync(string target)
    {
        if (await Catalog.Describe(target) is not null)
            throw new DynamoException(DynamoErrorCode.TableAlreadyExistsException, $"Table already exists: {target}");
    }

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
            GlobalIndexes = source.GlobalIndexes,
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
