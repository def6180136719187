using DataTier.Errors;
using DataTier.Tables;

namespace DataTier.Catalog;

/// <summary>
/// The on-demand maxima (OnDemandThroughput) and warm throughput of tables and their global indexes, checked as DynamoDB
/// checks them. Where DynamoDB's words for a refusal are not published, the messages are the project's.
/// </summary>
public sealed partial class TableCatalogGrain
{
    /// <summary>A table's or index's maxima and warm throughput after a request's, refused as DynamoDB refuses them.</summary>
    private static (OnDemandThroughput OnDemand, WarmThroughput? Warm) Capacity(OnDemandThroughput current, WarmThroughput? currentWarm,
        OnDemandThroughput? onDemand, WarmThroughput? warm, BillingMode billing, (long Read, long Write) units, string? index)
    {
        CheckOnDemand(onDemand, billing, index);
        CheckWarm(warm, currentWarm, units, index);
        return (current.With(onDemand), warm is null ? currentWarm : (currentWarm ?? new WarmThroughput(null, null)).With(warm));
    }

    /// <summary>A global index as CreateTable or UpdateTable's Create asks for it, its maxima and warm throughput checked and in force.</summary>
    private static GlobalSecondaryIndex IndexCapacity(GlobalSecondaryIndex requested, BillingMode billing)
    {
        var (onDemand, warm) = Capacity(OnDemandThroughput.None, null, requested.OnDemandThroughput.IsNone ? null : requested.OnDemandThroughput,
            requested.WarmThroughput, billing, (requested.ReadCapacityUnits, requested.WriteCapacityUnits), requested.Name);
        return requested with { OnDemandThroughput = onDemand, WarmThroughput = warm };
    }

    private static void CheckOnDemand(OnDemandThroughput? requested, BillingMode billing, string? index)
    {
        if (requested is null) return;
        if (requested.IsNone)
            throw DynamoException.Validation(Invalid + "OnDemandThroughput must specify MaxReadRequestUnits, MaxWriteRequestUnits, or both");
        foreach (var (value, name) in new[] { (requested.MaxReadRequestUnits, "MaxReadRequestUnits"), (requested.MaxWriteRequestUnits, "MaxWriteRequestUnits") })
            if (value is not null and not -1 and < 1)
                throw DynamoException.Validation(Invalid + $"{name} must be at least 1, or -1 for no maximum: {value}");
        if (billing == BillingMode.PROVISIONED)
            throw DynamoException.Validation(Invalid + (index is null
                ? "OnDemandThroughput can be specified only when BillingMode is PAY_PER_REQUEST"
                : $"OnDemandThroughput can be specified for index: {index} only when BillingMode is PAY_PER_REQUEST"));
    }

    /// <summary>At least DynamoDB's defaults; a table's never below what it has (an index's may come down to the defaults).</summary>
    private static void CheckWarm(WarmThroughput? requested, WarmThroughput? current, (long Read, long Write) units, string? index)
    {
        if (requested is null) return;
        if (requested.ReadUnitsPerSecond is null && requested.WriteUnitsPerSecond is null)
            throw DynamoException.Validation(Invalid + "WarmThroughput must specify ReadUnitsPerSecond, WriteUnitsPerSecond, or both");
        var (read, write) = WarmThroughput.Effective(current, units.Read, units.Write);
        foreach (var (value, name, least, now) in new[]
        {
            (requested.ReadUnitsPerSecond, "ReadUnitsPerSecond", WarmThroughput.DefaultRead, read),
            (requested.WriteUnitsPerSecond, "WriteUnitsPerSecond", WarmThroughput.DefaultWrite, write),
        })
        {
            if (value is null) continue;
            if (value < least)
                throw DynamoException.Validation(Invalid + $"WarmThroughput {name} must be at least {least}{(index is null ? "" : $" for index: {index}")}: {value}");
            if (index is null && value < now)
                throw DynamoException.Validation(Invalid + $"WarmThroughput of a table cannot be decreased. Current {name}: {now}. Requested {name}: {value}");
        }
    }
}
