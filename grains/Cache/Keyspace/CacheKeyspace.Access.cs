namespace DataTier.Cache.Keyspace;

/// <summary>Access tracking for LRU and LFU eviction, with Redis' logarithmic LFU counter.</summary>
public sealed partial class CacheKeyspace
{
    internal const byte LfuInitial = 5;
    private const int LfuLogFactor = 10;

    public void Touch(CacheEntry entry)
    {
        entry.LastAccess = Now;
        var counter = DecayedFrequency(entry);
        if (counter < 255)
        {
            var baseValue = Math.Max(0, counter - LfuInitial);
            var p = 1.0 / (baseValue * LfuLogFactor + 1);
            if (Random.Shared.NextDouble() < p) counter++;
        }
        entry.Frequency = (byte)counter;
        entry.FrequencyMinute = (int)(Now / 60_000);
    }

    /// <summary>The LFU counter less one for every minute since it was last touched.</summary>
    public int DecayedFrequency(CacheEntry entry)
    {
        var minutes = Now / 60_000 - entry.FrequencyMinute;
        return (int)Math.Max(0, entry.Frequency - minutes);
    }
}
