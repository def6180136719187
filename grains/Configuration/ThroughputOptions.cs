namespace DataTier.Configuration;

/// <summary>Settings of provisioned throughput (section <c>Throughput</c>).</summary>
public sealed class ThroughputOptions
{
    /// <summary>Whether PROVISIONED tables are held to their read and write capacity units; off, capacity is only stored and reported.</summary>
    public bool Enforce { get; set; } = true;

    /// <summary>Seconds of unused capacity a table keeps for bursts (DynamoDB keeps up to 300).</summary>
    public double BurstSeconds { get; set; } = 300;

    public void Validate()
    {
        if (!(BurstSeconds >= 1)) throw new ArgumentOutOfRangeException(nameof(BurstSeconds), "must be at least 1");
    }
}
