namespace DataTier.Configuration;

/// <summary>Settings of the time-to-live sweeper (section <c>TimeToLive</c>).</summary>
public sealed class TimeToLiveOptions
{
    /// <summary>How often each active partition of a table with time to live looks for expired items.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Items a partition examines per sweep (it resumes where it stopped at the next).</summary>
    public int ItemsPerSweep { get; set; } = 1000;

    /// <summary>Expired items a partition deletes per sweep at most, so that user requests are never starved.</summary>
    public int DeletesPerSweep { get; set; } = 100;

    public void Validate()
    {
        if (SweepInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(SweepInterval), "must be positive");
        if (ItemsPerSweep < 1) throw new ArgumentOutOfRangeException(nameof(ItemsPerSweep), "must be at least 1");
        if (DeletesPerSweep < 1) throw new ArgumentOutOfRangeException(nameof(DeletesPerSweep), "must be at least 1");
    }
}
