using DataTier.Errors;
using DataTier.Tables;

namespace DataTier.Catalog;

/// <summary>
/// The provisioned throughput of global secondary indexes: UpdateTable's <c>Update</c> actions, and
/// what a change of the table's billing mode does to its indexes, checked as DynamoDB checks them.
/// </summary>
public sealed partial class TableCatalogGrain
{
    private const string Invalid = "One or more parameter values were invalid: ";

    /// <summary>
    /// Gives the hidden table of each global index the billing mode and units the index now has, and tells its
    /// partitions, so that reads of the index are held to the index's read capacity.
    /// </summary>
    private async Task SyncIndexTablesAsync(TableDescription table)
    {
        foreach (var index in table.GlobalIndexes)
        {
            if (!_tables.TryGetValue(index.IndexTableName, out var hidden)) continue;
            var synced = hidden with
            {
                BillingMode = table.BillingMode,
                ReadCapacityUnits = index.ReadCapacityUnits,
                WriteCapacityUnits = index.WriteCapacityUnits,
                OnDemandThroughput = index.OnDemandThroughput,
            };
            if (synced == hidden) continue;
            await Save(synced);
            await NotifyPartitions(synced);
        }
    }

    private static TableDescription UpdateIndexThroughput(TableDescription table, IReadOnlyList<GlobalIndexUpdate>? updates,
        BillingMode billing, DateTimeOffset now)
    {
        var changes = (updates ?? []).Select(u => u.Update).OfType<IndexThroughputUpdate>().ToList();
        var indexes = table.GlobalIndexes.ToList();
        foreach (var change in changes)
        {
            var at = indexes.FindIndex(i => i.Name == change.IndexName);
            if (at < 0)
                throw table.LocalIndexes.Any(i => i.Name == change.IndexName)
                    ? DynamoException.Validation($"Cannot update an index that is not a GlobalSecondaryIndex: {change.IndexName}")
                    : new DynamoException(DynamoErrorCode.ResourceNotFoundException, $"Requested resource not found: Index {change.IndexName} for table {table.Name}");
            if (!change.HasProvisionedThroughput)
            {
                var (onDemand, warm) = Capacity(indexes[at].OnDemandThroughput, indexes[at].WarmThroughput, change.OnDemandThroughput, change.WarmThroughput,
                    billing, (indexes[at].ReadCapacityUnits, indexes[at].WriteCapacityUnits), change.IndexName);
                indexes[at] = indexes[at] with { OnDemandThroughput = IndexOnDemandHere(table, change.IndexName, onDemand), WarmThroughput = warm };
                continue;
            }
            if (billing == BillingMode.PAY_PER_REQUEST)
                throw DynamoException.Validation(Invalid + $"The only Updates for index: {change.IndexName} when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
            var index = indexes[at];
            if (table.BillingMode == BillingMode.PROVISIONED && index.ReadCapacityUnits == change.ReadCapacityUnits && index.WriteCapacityUnits == change.WriteCapacityUnits)
                throw DynamoException.Validation(
                    $"The provisioned throughput for the index {index.Name} will not change. The requested value equals the current value. " +
                    $"Current ReadCapacityUnits provisioned for index {index.Name}: {index.ReadCapacityUnits}. Requested ReadCapacityUnits: {change.ReadCapacityUnits}. " +
                    $"Current WriteCapacityUnits provisioned for index {index.Name}: {index.WriteCapacityUnits}. Requested WriteCapacityUnits: {change.WriteCapacityUnits}. " +
                    "Refer to the Amazon DynamoDB Developer Guide for current limits and how to increase them.");
            var read = billing == BillingMode.PROVISIONED ? IndexReadUnitsHere(table, change.IndexName, change.ReadCapacityUnits!.Value) : change.ReadCapacityUnits!.Value;
            indexes[at] = index.WithThroughput(read, change.WriteCapacityUnits!.Value, now);
            if (change.WarmThroughput is not null)
                indexes[at] = indexes[at] with { WarmThroughput = Capacity(index.OnDemandThroughput, index.WarmThroughput, null, change.WarmThroughput, billing, (read, change.WriteCapacityUnits!.Value), index.Name).Warm };
        }
        if (billing == BillingMode.PROVISIONED && table.BillingMode == BillingMode.PAY_PER_REQUEST)
        {
            var unset = indexes.Where(i => changes.All(c => c.IndexName != i.Name || !c.HasProvisionedThroughput)).Select(i => i.Name).ToList();
            if (unset.Count > 0) throw DynamoException.Validation(Invalid + $"ProvisionedThroughput must be specified for index: {string.Join(",", unset)}");
        }
        if (billing == BillingMode.PAY_PER_REQUEST && table.BillingMode == BillingMode.PROVISIONED)
            indexes = indexes.Select(i => i.WithThroughput(0, 0, now)).ToList();
        return table with { GlobalIndexes = indexes };
    }
}
