namespace DataTier.Silo.GlobalTables;

/// <summary>What UpdateGlobalTableSettings changes of one global secondary index of one region's replica (null: unchanged).</summary>
public sealed record IndexSettingsChange(string IndexName)
{
    public long? ReadCapacityUnits { get; init; }

    public AutoScalingUpdate? ReadAutoScaling { get; init; }

    public long? WriteCapacityUnits { get; init; }

    public AutoScalingUpdate? WriteAutoScaling { get; init; }
}
