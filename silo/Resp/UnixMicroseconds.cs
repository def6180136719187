namespace DataTier.Silo.Resp;

/// <summary>Microseconds since the Unix epoch, as Redis' TIME and MONITOR show the clock.</summary>
public static class UnixMicroseconds
{
    public static long Of(DateTimeOffset at) => at.ToUnixTimeMilliseconds() * 1000 + at.Ticks % TimeSpan.TicksPerMillisecond / 10;
}
