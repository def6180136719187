namespace DataTier.Tables;

/// <summary>
/// UpdateTable's GlobalSecondaryIndexUpdates <c>Update</c> of an existing global index: new provisioned throughput (null
/// units: none given), on-demand maxima or warm throughput.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndexThroughputUpdate(
    [property: Id(0)] string IndexName,
    [property: Id(1)] long? ReadCapacityUnits,
    [property: Id(2)] long? WriteCapacityUnits,
    [property: Id(3)] OnDemandThroughput? OnDemandThroughput = null,
    [property: Id(4)] WarmThroughput? WarmThroughput = null)
{
    public bool HasProvisionedThroughput => ReadCapacityUnits is not null && WriteCapacityUnits is not null;
}
