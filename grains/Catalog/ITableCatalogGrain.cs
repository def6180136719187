using DataTier.Tables;
using Orleans.Concurrency;

namespace DataTier.Catalog;

/// <summary>The cluster's table catalog (one activation, key 0), persisted in the durable store.</summary>
public interface ITableCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Creates a table; ResourceInUseException if the name is taken.</summary>
    Task<TableDescription> Create(TableDefinition definition);

    /// <summary>Interleaves with other calls: partition grains activated during a catalog call ask for their table.</summary>
    [AlwaysInterleave]
    Task<TableDescription?> Describe(string name);

    [AlwaysInterleave]
    Task<TableDescription?> DescribeById(Guid id);

    Task<TableListPage> List(string? exclusiveStartTableName, int limit);

    /// <summary>Changes billing mode and provisioned throughput.</summary>
    Task<TableDescription> Update(string name, TableUpdate update);

    /// <summary>Enables or disables time to live, with DynamoDB's rules for repeated and conflicting requests.</summary>
    Task<TableDescription> UpdateTimeToLive(string name, TimeToLiveSpecification specification);

    /// <summary>Adds or replaces tags of the table with that ARN.</summary>
    Task Tag(string arn, IReadOnlyDictionary<string, string> tags);

    Task Untag(string arn, IReadOnlyList<string> keys);

    /// <summary>A feeder finished backfilling a global secondary index from one base partition; the index is ACTIVE once all have.</summary>
    Task IndexPartitionBackfilled(string tableName, Guid indexTableId, int partitionId);

    /// <summary>
    /// Splits the current partition <paramref name="partitionId"/> of a table in two at the middle of its
    /// hash range; false when it is no longer current or its range cannot be cut. Returns once the new
    /// map is durable and the children serve.
    /// </summary>
    Task<bool> SplitPartition(string tableName, int partitionId);

    /// <summary>A partition passed a split threshold: split it (one-way, since the split fences the caller).</summary>
    [OneWay]
    Task RequestSplit(Guid tableId, int partitionId);

    /// <summary>Deletes a table and its items; returns its description with status DELETING.</summary>
    Task<TableDescription> Delete(string name);
}
