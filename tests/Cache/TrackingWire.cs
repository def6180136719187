namespace DataTier.Tests.Cache;

/// <summary>Reading what a tracking client hears, for the tracking tests that compare it with redis-server's.</summary>
public static class TrackingWire
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>What a tracking client hears when a test elsewhere flushes the shared server.</summary>
    public const string Flushed = ">[\"invalidate\", (nil)]";

    /// <summary>The next reply or push, leaving out the flushes of other tests.</summary>
    public static async Task<string> ReadAsync(RespTestClient client)
    {
        while (true)
            if (await client.ReadAsync().WaitAsync(Wait) is var item && item != Flushed) return item;
    }
}
