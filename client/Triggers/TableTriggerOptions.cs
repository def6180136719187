namespace DataTier.Client.Triggers;

/// <summary>How a trigger consumes a table's stream.</summary>
public sealed class TableTriggerOptions
{
    /// <summary>Records read from a shard at once.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often an idle shard is read even without a notification on its Orleans stream.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a consumer holds a shard without renewing its lease; another instance of the trigger takes it over after.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First and longest pause before a failed handler is called again with the same record.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
